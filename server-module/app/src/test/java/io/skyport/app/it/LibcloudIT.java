package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * libcloud's stock CloudStack driver (Debian's python3-libcloud), unchanged, deploys a node with
 * user data, a key pair and a security group, lists it, reboots and destroys it.
 */
public class LibcloudIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @BeforeClass
    public static void requireLibcloud() {
        ExternalProcess.requirePythonModule("libcloud", "python3-libcloud");
    }

    @Test
    public void nodeLifecycleThroughTheCloudStackDriver() throws IOException {
        Path script = Files.createTempFile("libcloud-scenario", ".py");
        try (InputStream in = LibcloudIT.class.getResourceAsStream("/clients/libcloud_cloudstack.py")) {
            Files.write(script, in.readAllBytes());
        }
        ExternalProcess.Run run;
        try {
            run = ExternalProcess.run(List.of(ExternalProcess.PYTHON, script.toString(), SERVER.apiUrl(),
                    SERVER.admin().apiKey(), SERVER.admin().secret()), Map.of(), 180);
        } finally {
            Files.deleteIfExists(script);
        }
        Map<String, JsonObject> steps = new HashMap<>();
        for (String line : run.stdout().split("\n")) {
            if (line.startsWith("{")) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                steps.put(o.get("step").getAsString(), o);
            }
        }
        String detail = "exit " + run.exit() + "\nstdout: " + run.stdout() + "\nstderr: " + run.stderr();
        assertEquals(detail, 0, run.exit());
        JsonObject catalog = steps.get("catalog");
        assertTrue(detail, catalog.getAsJsonArray("locations").toString().contains("Sandbox-simulator"));
        assertTrue(detail, catalog.getAsJsonArray("sizes").toString().contains("Small Instance"));
        assertTrue(detail, steps.get("keypair").get("has_private_key").getAsBoolean());
        JsonObject created = steps.get("created");
        assertEquals(detail, "running", created.get("state").getAsString());
        assertTrue(detail, created.getAsJsonArray("addresses").get(0).getAsString().startsWith("198.18."));
        JsonObject listed = steps.get("listed");
        assertEquals(detail, 1, listed.get("count").getAsInt());
        assertTrue(detail, listed.getAsJsonArray("security_groups").toString()
                .contains(steps.get("security_group").get("name").getAsString()));
        assertTrue(detail, steps.get("rebooted").get("ok").getAsBoolean());
        assertTrue(detail, steps.get("destroyed").get("ok").getAsBoolean());
        assertTrue("the destroyed node no longer runs: " + detail,
                !steps.get("after_destroy").getAsJsonArray("running").toString().contains("true"));
    }
}
