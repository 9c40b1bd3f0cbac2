package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The server image as a user gets it: {@code tools/image/build} makes the JRE base from Debian
 * packages (debootstrap, once; reused while the engine has it) and the server image from the jar
 * this build packaged; the image runs in the real Docker engine with its port published, the
 * test reads the admin keys the container printed at its first start and deploys a VM on the
 * demo simulator zone through the published API. A second container runs the same image on the
 * live MariaDB, configured by environment variables only.
 */
public class ServerImageIT {
    static final String TAG = "skyport:it";
    /** A user-defined bridge: the engine here has no default bridge, and -p needs a bridge network. */
    static final String NETWORK = "skyport-image-it";
    static final String SUBNET = "198.19.254.248/29";
    private static final Pattern API_KEY = Pattern.compile("(?m)^\\s*API key\\s+(\\S+)$");
    private static final Pattern SECRET = Pattern.compile("(?m)^\\s*secret key\\s+(\\S+)$");

    private static Path root;
    private final List<String> containers = new ArrayList<>();
    private boolean networkCreated;

    @BeforeClass
    public static void buildImage() throws Exception {
        Live.require("docker", DockerEngine.unavailable().isEmpty(), DockerEngine.unavailable().orElse(""));
        root = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        Path jar = root.resolve("server-module/app/target/skyport-server.jar");
        Live.require("server jar", Files.isRegularFile(jar), jar + " missing: run mvn package first");
        boolean baseThere = run(60, "docker", "image", "inspect", "skyport-base:bookworm-jre17").exit() == 0;
        Live.require("debootstrap", baseThere || Files.isExecutable(Path.of("/usr/sbin/debootstrap")),
                "neither the base image skyport-base:bookworm-jre17 nor /usr/sbin/debootstrap (apt-get install debootstrap)");
        long start = System.nanoTime();
        // --no-package: the jar is the one this Maven build just packaged; the script must not start another build.
        Result build = run(1200, root.resolve("tools/image/build").toString(), "--no-package", "--tag", TAG);
        System.err.printf("ServerImageIT: tools/image/build took %d s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        assertEquals(build.output(), 0, build.exit());
        assertTrue(build.output(), build.output().trim().endsWith(TAG));
    }

    @After
    public void removeContainers() throws Exception {
        for (String c : containers) {
            run(60, "docker", "rm", "-f", "-v", c);
        }
        if (networkCreated) {
            run(60, "docker", "network", "rm", NETWORK);
        }
    }

    @Test
    public void publishedContainerServesTheDemoZoneAndDeploysAVm() throws Exception {
        int port = freePort();
        String network = bridgeNetwork();
        String name = container();
        // As a user runs it (docker run -p 8080:8080 skyport), on loopback only and a free port.
        Result started = run(120, "docker", "run", "-d", "--name", name, "--network", network,
                "-p", "127.0.0.1:" + port + ":8080", TAG);
        assertEquals(started.output(), 0, started.exit());
        String base = "http://127.0.0.1:" + port;
        awaitHealthy(name, base);

        String log = logsUntil(name, SECRET);
        NativeClient admin = new NativeClient(base, group(API_KEY, log), group(SECRET, log));
        deployOnDemoZone(admin);

        // Data lives in the image's volume, SKYPORT_HOME: the embedded database and the generated client files.
        Result mounts = run(60, "docker", "inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}", name);
        assertTrue(mounts.output(), mounts.output().contains("/var/lib/skyport"));
        Result files = run(60, "docker", "exec", name, "ls", "/var/lib/skyport", "/var/lib/skyport/db");
        assertEquals(files.output(), 0, files.exit());
        assertTrue(files.output(), files.output().contains("cloudstack.ini") && files.output().contains("skyport.mv.db"));
        // The EC2 panel is served from the jar inside the image.
        HttpResponse<String> panel = get(base + "/ui/ec2/");
        assertEquals(200, panel.statusCode());
    }

    @Test
    public void mariaDbThroughEnvironmentVariables() throws Exception {
        try (ScratchMariaDb db = ScratchMariaDb.create()) {
            int port = freePort();
            String name = container();
            // Host networking: the database listens on the host's loopback, which a bridged container cannot reach.
            Result started = run(120, "docker", "run", "-d", "--name", name, "--network", "host",
                    "-e", "SKYPORT_PORT=" + port, "-e", "SKYPORT_BIND=127.0.0.1",
                    "-e", "SKYPORT_DB_URL=" + db.url(), "-e", "SKYPORT_DB_USER=" + ScratchMariaDb.USER,
                    "-e", "SKYPORT_DB_PASSWORD=" + ScratchMariaDb.PASSWORD, "-e", "SKYPORT_ADMIN_PASSWORD=it-" + port, TAG);
            assertEquals(started.output(), 0, started.exit());
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(name, base);
            String log = logsUntil(name, SECRET);
            NativeClient admin = new NativeClient(base, group(API_KEY, log), group(SECRET, log));
            String vm = deployOnDemoZone(admin);

            // The VM is a row of the MariaDB database the environment named, not of an embedded one.
            try (var c = ScratchMariaDb.connect(db.url()); var st = c.prepareStatement(
                    "SELECT COUNT(*) FROM vms WHERE uuid = ?")) {
                st.setString(1, vm);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
            }
            Result config = run(60, "docker", "exec", name, "/opt/skyport/entrypoint", "config");
            assertTrue(config.output(), config.output().contains("jdbc:mariadb://"));
        }
    }

    /** Deploys a VM on Sandbox-simulator with its offering and featured template; returns its id once Running. */
    private static String deployOnDemoZone(NativeClient admin) {
        JsonArray zones = admin.call("listZones", "name", "Sandbox-simulator").inner().getAsJsonArray("zone");
        assertNotNull("demo zone listed", zones);
        String zone = zones.get(0).getAsJsonObject().get("id").getAsString();
        String offering = admin.call("listServiceOfferings", "name", "Small Instance").inner()
                .getAsJsonArray("serviceoffering").get(0).getAsJsonObject().get("id").getAsString();
        String template = admin.call("listTemplates", "templatefilter", "featured", "zoneid", zone).inner()
                .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject submit = admin.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", "image-it").inner();
        assertNotNull(submit.toString(), submit.get("jobid"));
        JsonObject job = admin.awaitJob(submit.get("jobid").getAsString());
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        String id = job.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine").get("id").getAsString();
        JsonObject vm = admin.call("listVirtualMachines", "id", id).inner().getAsJsonArray("virtualmachine")
                .get(0).getAsJsonObject();
        assertEquals("Running", vm.get("state").getAsString());
        assertEquals(zone, vm.get("zoneid").getAsString());
        return id;
    }

    private String container() {
        String name = "skyport-image-it-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(name);
        return name;
    }

    /** The test's bridge network, created when missing (another run may be using it: then it stays). */
    private String bridgeNetwork() throws Exception {
        if (run(60, "docker", "network", "inspect", NETWORK).exit() != 0) {
            Result created = run(60, "docker", "network", "create", "--subnet", SUBNET, NETWORK);
            assertEquals(created.output(), 0, created.exit());
            networkCreated = true;
        }
        return NETWORK;
    }

    private static void awaitHealthy(String container, String base) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(base + "/healthz").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Result state = run(30, "docker", "inspect", "-f", "{{.State.Running}}", container);
            if (!state.output().trim().equals("true")) {
                throw new AssertionError("container stopped: " + run(30, "docker", "logs", container).output());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no /healthz 200 within 180 s: " + run(30, "docker", "logs", container).output());
    }

    /** The container's output once it holds {@code line} (the banner follows the health check by a moment). */
    private static String logsUntil(String container, Pattern line) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String out = "";
        while (System.currentTimeMillis() < deadline) {
            out = run(30, "docker", "logs", container).output();
            if (line.matcher(out).find()) {
                return out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the container printed no " + line + ": " + out);
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(p + " in " + text, m.find());
        return m.group(1);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    record Result(int exit, String output) {
    }

    /** Runs a command with stdout and stderr together; fails the test when it outlives the timeout. */
    static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        reader.join();
        return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
    }
}
