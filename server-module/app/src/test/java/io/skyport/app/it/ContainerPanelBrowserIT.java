package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The container hosts panel in a real browser at phone width (Debian's chromium driven by
 * playwright-core, {@code npm ci} in {@code src/test/node}), against a server whose host is the
 * local Docker engine running one container VM: an administrator signs in and sees the host
 * with its health and capacity, the container with its state, and the container's log. The
 * screenshot is left in {@code target/screenshots/containers-panel.png}.
 */
public class ContainerPanelBrowserIT {
    private static final Path NODE_PROJECT = Path.of("src/test/node");
    private static final String CHROMIUM = Live.env("SKYPORT_CHROMIUM", "/usr/bin/chromium");
    private static final String PASSWORD = "Admin-Passw0rd";
    private static final TestServer SERVER = new TestServer();
    private static final List<String> CREATED = new ArrayList<>();
    private static DockerEngine engine;
    private static ContainerZone docker;

    @BeforeClass
    public static void browserEngineAndZone() throws Exception {
        Live.require("chromium", Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " not found (apt-get install "
                + "chromium)");
        Live.require("playwright-core", Files.isDirectory(NODE_PROJECT.resolve("node_modules/playwright-core")),
                "run npm ci in " + NODE_PROJECT);
        Optional<String> missing = DockerEngine.unavailable();
        Live.require("Docker engine", missing.isEmpty(), missing.orElse(""));
        engine = new DockerEngine();
        engine.ensureImage();
        SERVER.start();
        docker = ContainerZone.docker(SERVER, "Panel");
    }

    @AfterClass
    public static void cleanUp() {
        if (engine != null) {
            CREATED.forEach(engine::removeQuietly);
            engine.close();
        }
        SERVER.stop();
    }

    private static List<String> cells(JsonObject out, String key) {
        List<String> cells = new ArrayList<>();
        for (var c : out.getAsJsonArray(key)) {
            cells.add(c.getAsString());
        }
        return cells;
    }

    private static String admin() {
        String admin = "paneladmin" + System.nanoTime();
        docker.admin("createAccount", "username", admin, "password", PASSWORD, "roletype", "Admin", "firstname", "P",
                "lastname", "A", "email", admin + "@example.org");
        return admin;
    }

    /** Runs the browser on the panel; the screenshot goes to target/screenshots/{@code shotName}. */
    private static JsonObject drive(String admin, String hostId, String vmId, String marker, String shotName)
            throws Exception {
        Path shot = Path.of("target/screenshots", shotName).toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        ExternalProcess.Run run = ExternalProcess.run(List.of("node", NODE_PROJECT.resolve("container_panel.mjs")
                .toAbsolutePath().toString(), SERVER.baseUrl(), admin, PASSWORD, hostId, vmId, marker,
                shot.toString()), Map.of("SKYPORT_CHROMIUM", CHROMIUM), 120);
        assertEquals(run.stderr(), 0, run.exit());
        String[] lines = run.stdout().trim().split("\n");
        JsonObject out = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        assertEquals("no console errors: " + out, 0, out.getAsJsonArray("errors").size());
        assertTrue("the page fits a phone's width: " + out.get("overflow"), out.get("overflow").getAsInt() <= 0);
        assertTrue("screenshot saved", Files.size(shot) > 0);
        return out;
    }

    @Test
    public void anAdminSeesTheHostItsContainerAndTheContainersLog() throws Exception {
        JsonObject vm = docker.deploy("panel1");
        String vmId = vm.get("id").getAsString();
        CREATED.add(vmId);
        String marker = "skyport-panel-log-" + System.nanoTime();
        engine.exec(vmId, "sh", "-c", "echo " + marker + " > /proc/1/fd/1");
        String admin = admin();
        JsonObject host = docker.admin("listHosts", "id", docker.hostId).getAsJsonArray("host").get(0)
                .getAsJsonObject();

        JsonObject out = drive(admin, docker.hostId, vmId, marker, "containers-panel.png");

        List<String> hostRow = cells(out, "host");
        assertEquals(out.toString(), host.get("name").getAsString(), hostRow.get(0));
        assertEquals("Docker", hostRow.get(1));
        assertEquals("Up", hostRow.get(2));
        int cpuTotal = host.get("cpunumber").getAsInt() * host.get("cpuspeed").getAsInt();
        assertTrue(hostRow.toString(), hostRow.get(3).startsWith("500 / " + cpuTotal + " MHz"));
        long memoryMib = Math.round(host.get("memorytotal").getAsLong() / (1024.0 * 1024));
        assertTrue(hostRow.toString(), hostRow.get(4).startsWith("128 / " + memoryMib + " MiB"));
        assertEquals("1", hostRow.get(5));

        List<String> containerRow = cells(out, "container");
        assertEquals(out.toString(), "panel1", containerRow.get(0));
        assertEquals("Running", containerRow.get(1));
        assertEquals("the engine gives it no network, and the panel says so", "no network", containerRow.get(4));
        assertTrue(out.get("log").getAsString(), out.get("log").getAsString().contains(marker));
    }

    /** LXC hosts are container hosts too: the panel lists them through the same native API. */
    @Test
    public void anLxcHostAndItsContainerShowToo() throws Exception {
        Optional<String> missing = LxdDaemon.unavailable();
        Live.require("LXD daemon", missing.isEmpty(), missing.orElse(""));
        ContainerZone lxc = ContainerZone.lxc(SERVER, "PanelLxc");
        JsonObject vm = lxc.deploy("panel-lxc1");
        String vmId = vm.get("id").getAsString();
        try (LxdDaemon daemon = new LxdDaemon()) {
            try {
                // what the busybox image's init prints at boot is the container's console
                JsonObject out = drive(admin(), lxc.hostId, vmId, LxdDaemon.BOOT_LINE, "containers-panel-lxc.png");
                List<String> hostRow = cells(out, "host");
                assertEquals(out.toString(), "LXC", hostRow.get(1));
                assertEquals("Up", hostRow.get(2));
                List<String> containerRow = cells(out, "container");
                assertEquals("panel-lxc1", containerRow.get(0));
                assertEquals("Running", containerRow.get(1));
                assertEquals("no network", containerRow.get(4));
                lxc.job("destroyVirtualMachine", "id", vmId, "expunge", "true");
            } finally {
                daemon.removeQuietly(vmId);
            }
        }
    }
}
