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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The stock CloudStack CLI ({@code cs}, Debian's python3-cs) against a real server, configured
 * only by the {@code cloudstack.ini} the server writes at its first start.
 */
public class CsClientIT {
    private static final String PYTHON = ExternalProcess.PYTHON;
    private static final long TIMEOUT_SECONDS = 60;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @BeforeClass
    public static void requireCs() {
        ExternalProcess.requirePythonModule("cs", "python3-cs");
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

    @Test
    public void deployListAndDestroyAVmWithTheStockClient() {
        String zone = cs("listZones").getAsJsonArray("zone").get(0).getAsJsonObject().get("id").getAsString();
        String offering = null;
        for (JsonElement e : cs("listServiceOfferings").getAsJsonArray("serviceoffering")) {
            if ("Small Instance".equals(e.getAsJsonObject().get("name").getAsString())) {
                offering = e.getAsJsonObject().get("id").getAsString();
            }
        }
        String template = cs("listTemplates", "templatefilter=featured").getAsJsonArray("template").get(0)
                .getAsJsonObject().get("id").getAsString();
        // cs waits for the async job and prints its result
        JsonObject deployed = cs("deployVirtualMachine", "zoneid=" + zone, "serviceofferingid=" + offering,
                "templateid=" + template, "name=cs-vm", "userdata=I2Nsb3VkLWNvbmZpZwo=");
        JsonObject vm = deployed.has("virtualmachine") ? deployed.getAsJsonObject("virtualmachine")
                : deployed.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
        assertEquals(deployed.toString(), "Running", vm.get("state").getAsString());
        assertEquals("cs-vm", vm.get("name").getAsString());
        String id = vm.get("id").getAsString();
        JsonObject listed = cs("listVirtualMachines", "id=" + id);
        assertEquals(1, listed.get("count").getAsInt());
        JsonObject destroyed = cs("destroyVirtualMachine", "id=" + id, "expunge=true");
        assertTrue(destroyed.toString(), destroyed.toString().contains("virtualmachine"));
        JsonObject after = cs("listVirtualMachines", "name=cs-vm");
        assertTrue("expunged VM is gone: " + after, !after.has("virtualmachine"));
    }

    /** Runs {@code python3 -m cs} with the server's configuration and parses its JSON output. */
    private static JsonObject cs(String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-m", "cs"));
        cmd.addAll(List.of(args));
        ExternalProcess.Run r = ExternalProcess.run(cmd, Map.of("CLOUDSTACK_CONFIG",
                SERVER.home().resolve("cloudstack.ini").toString()), TIMEOUT_SECONDS);
        if (r.exit() != 0) {
            fail("cs " + String.join(" ", args) + " exited " + r.exit() + "\nstdout: " + r.stdout() + "\nstderr: "
                    + r.stderr());
        }
        if (r.stdout().isBlank()) {
            // cs prints nothing for an empty answer such as {"listvirtualmachinesresponse":{}}
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(r.stdout()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new AssertionError("cs " + String.join(" ", args) + " printed no JSON object: " + r.stdout()
                    + "\nstderr: " + r.stderr(), e);
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
