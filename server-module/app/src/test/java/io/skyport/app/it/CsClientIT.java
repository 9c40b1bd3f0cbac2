package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The stock CloudStack CLI ({@code cs}, Debian's python3-cs) against a real server, configured
 * only by the {@code cloudstack.ini} the server writes at its first start.
 */
public class CsClientIT {
    // the system interpreter: the one first on PATH may be a private build without the package
    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 60;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @BeforeClass
    public static void requireCs() {
        String why = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            why = PYTHON + " not found";
        } else {
            Run probe = run(List.of(PYTHON, "-c", "import cs"), null);
            if (probe.exit != 0) {
                why = PYTHON + " cannot import cs (install python3-cs): " + probe.stderr.strip();
            }
        }
        Live.require("python3-cs", why == null, why);
    }

    @Test
    public void firstStartWritesAPrivateClientConfiguration() throws IOException {
        Path ini = SERVER.home().resolve("cloudstack.ini");
        assertEquals(ini, SERVER.server().clientConfig().orElseThrow());
        String text = Files.readString(ini);
        assertTrue(text, text.contains("endpoint = " + SERVER.apiUrl() + "\n"));
        assertTrue(text, text.contains("key = " + SERVER.admin().apiKey() + "\n"));
        assertTrue("the secret is in the file", text.contains("secret = " + SERVER.admin().secret() + "\n"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ini)));
    }

    @Test
    public void listApisDescribesListAccountsAndItsParameters() {
        JsonObject out = cs("listApis");
        JsonObject listAccounts = null;
        for (JsonElement e : out.getAsJsonArray("api")) {
            if (e.getAsJsonObject().get("name").getAsString().equals("listAccounts")) {
                listAccounts = e.getAsJsonObject();
            }
        }
        assertTrue("listAccounts missing from listApis: " + out.get("count"), listAccounts != null);
        Set<String> params = values(listAccounts.getAsJsonArray("params"), "name");
        assertTrue(params.toString(), params.containsAll(Set.of("id", "name", "domainid", "listall", "page",
                "pagesize", "keyword")));
        assertEquals("false", listAccounts.get("isasync").getAsString());
    }

    @Test
    public void listAndCreateAccountsWithTheStockClient() {
        JsonObject before = cs("listAccounts");
        assertTrue(before.toString(), values(before.getAsJsonArray("account"), "name").contains("admin"));
        int countBefore = before.get("count").getAsInt();

        JsonObject created = cs("createAccount", "username=cs-user", "password=Cs-Passw0rd", "firstname=Cee",
                "lastname=Ess", "email=cs@example.org");
        JsonObject account = created.getAsJsonObject("account");
        assertTrue(created.toString(), account != null);
        assertEquals("cs-user", account.get("name").getAsString());
        assertEquals("cs-user", account.getAsJsonArray("user").get(0).getAsJsonObject().get("username")
                .getAsString());

        JsonObject after = cs("listAccounts");
        assertEquals(after.toString(), countBefore + 1, after.get("count").getAsInt());
        assertEquals(after.toString(), 2, after.get("count").getAsInt());
        assertEquals(Set.of("admin", "cs-user"), values(after.getAsJsonArray("account"), "name"));
    }

    /** Runs {@code python3 -m cs} with the server's configuration and parses its JSON output. */
    private static JsonObject cs(String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-m", "cs"));
        cmd.addAll(List.of(args));
        Run r = run(cmd, SERVER.home().resolve("cloudstack.ini"));
        if (r.exit != 0) {
            fail("cs " + String.join(" ", args) + " exited " + r.exit + "\nstdout: " + r.stdout + "\nstderr: "
                    + r.stderr);
        }
        try {
            return JsonParser.parseString(r.stdout).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new AssertionError("cs " + String.join(" ", args) + " printed no JSON object: " + r.stdout
                    + "\nstderr: " + r.stderr, e);
        }
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(List<String> cmd, Path config) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // only the file may configure cs: these variables would override it
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDSTACK_"));
        if (config != null) {
            pb.environment().put("CLOUDSTACK_CONFIG", config.toString());
        }
        try {
            Path out = Files.createTempFile("skyport-cs", ".out");
            Path err = Files.createTempFile("skyport-cs", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(cmd + " did not finish in " + TIMEOUT_SECONDS + " s; stderr: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Run(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    private static Set<String> values(JsonArray items, String field) {
        Set<String> out = new HashSet<>();
        for (JsonElement e : items) {
            out.add(e.getAsJsonObject().get(field).getAsString());
        }
        return out;
    }
}
