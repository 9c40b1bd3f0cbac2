package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The API panels in a real browser: Debian's chromium driven by playwright-core
 * ({@code npm ci} in {@code src/test/node}). A user signs in with a password, sees the
 * endpoints and ready client configuration, and (GCE) downloads a working key file.
 */
public class PanelBrowserIT {
    private static final Path NODE_PROJECT = Path.of("src/test/node");
    private static final String CHROMIUM = Live.env("SKYPORT_CHROMIUM", "/usr/bin/chromium");

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @Before
    public void browserPresent() {
        Live.require("chromium", Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " not found (apt-get install "
                + "chromium)");
        Live.require("playwright-core", Files.isDirectory(NODE_PROJECT.resolve("node_modules/playwright-core")),
                "run npm ci in " + NODE_PROJECT);
    }

    private static JsonObject drive(String panel, String user) {
        ExternalProcess.Run run = ExternalProcess.run(List.of("node", NODE_PROJECT.resolve("panel_browser.mjs")
                .toAbsolutePath().toString(), SERVER.baseUrl(), panel, user, "Tenant-Passw0rd"),
                Map.of("SKYPORT_CHROMIUM", CHROMIUM), 120);
        assertEquals(run.stderr(), 0, run.exit());
        String[] lines = run.stdout().trim().split("\n");
        return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    }

    @Test
    public void theGcePanelShowsConfigurationAndDownloadsAWorkingKeyFile() {
        String user = "gcepanel" + System.nanoTime();
        NativeClient tenant = SERVER.tenant(user);
        GceClient api = new GceClient(SERVER.baseUrl(), GceClient.keyFile(tenant));
        api.ok("GET", "zones", null);
        JsonObject out = drive("gce", user);
        assertEquals(out.toString(), 0, out.getAsJsonArray("errors").size());
        JsonObject fields = out.getAsJsonObject("fields");
        assertEquals(api.project(), fields.get("project").getAsString());
        assertEquals(SERVER.baseUrl() + "/compute/v1/", fields.get("endpoint").getAsString());
        assertTrue(fields.get("gcloud").getAsString().contains("auth/token_host " + SERVER.baseUrl() + "/oauth2/token"));
        boolean zonesCounted = false;
        for (var row : out.getAsJsonArray("calls")) {
            JsonArray cells = row.getAsJsonArray();
            zonesCounted |= "compute.zones.list".equals(cells.get(0).getAsString()) && cells.get(1).getAsInt() >= 1;
        }
        assertTrue(out.toString(), zonesCounted);
        // the downloaded key file is a new key that works
        JsonObject key = out.getAsJsonObject("download");
        assertEquals("service_account", key.get("type").getAsString());
        assertEquals(api.project(), key.get("project_id").getAsString());
        GceClient fromPanel = new GceClient(SERVER.baseUrl(), key);
        assertEquals(200, fromPanel.call("GET", "zones", null).status());
    }

    @Test
    public void theEc2PanelShowsTheUsersKeys() {
        String user = "ec2panel" + System.nanoTime();
        NativeClient tenant = SERVER.tenant(user);
        JsonObject out = drive("ec2", user);
        assertEquals(out.toString(), 0, out.getAsJsonArray("errors").size());
        JsonObject fields = out.getAsJsonObject("fields");
        assertEquals(tenant.apiKey(), fields.get("apikey").getAsString());
        assertEquals(SERVER.baseUrl() + "/ec2", fields.get("endpoint").getAsString());
        assertTrue(fields.get("awscredentials").getAsString().contains(tenant.secret()));
    }
}
