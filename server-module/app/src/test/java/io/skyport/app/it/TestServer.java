package io.skyport.app.it;

import com.google.gson.JsonObject;
import io.skyport.app.SkyportServer;
import io.skyport.core.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.rules.ExternalResource;

/**
 * A real Skyport server for integration tests: fresh home directory, random port, embedded H2
 * unless a JDBC URL is given. Exposes an admin client signed with the keys of the first start.
 */
public class TestServer extends ExternalResource implements AutoCloseable {
    private final Map<String, String> extra;
    private Path home;
    private SkyportServer server;
    private NativeClient admin;

    public TestServer() {
        this(Map.of());
    }

    public TestServer(Map<String, String> extra) {
        this.extra = extra;
    }

    @Override
    protected void before() throws Throwable {
        start();
    }

    @Override
    protected void after() {
        stop();
    }

    /** Starts the server in a fresh home directory; for tests that manage the lifecycle themselves. */
    public TestServer start() throws Exception {
        home = Files.createTempDirectory("skyport-it");
        server = launch();
        admin = new NativeClient(baseUrl(), server.bootstrap().apiKey(), server.bootstrap().secretKey());
        return this;
    }

    /**
     * Stops the server and starts a new one on the same home directory and configuration, as an
     * operator's restart would. The admin client keeps the first start's keys: a restart creates
     * none, and the stored ones must still work (their secret is encrypted with the home's key).
     */
    public TestServer restart() throws Exception {
        server.close();
        server = null;
        server = launch();
        admin = new NativeClient(baseUrl(), admin.apiKey(), admin.secret());
        return this;
    }

    /** Stops the server and deletes its home directory. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        deleteTree(home);
        home = null;
    }

    private SkyportServer launch() throws Exception {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("skyport.port", "0");
        cfg.put("skyport.bind", "127.0.0.1");
        // the metadata listener on a free port: the default one may be another test server's
        cfg.put("skyport.metadata.port", "0");
        // tests add the engines they use themselves; a test of discovery turns it on
        cfg.put("skyport.docker.discovery", "false");
        // every test client shares 127.0.0.1, and many tests send bad credentials on purpose: a test
        // of throttling turns it on
        cfg.put("skyport.auth.throttle", "off");
        cfg.putAll(extra);
        return new SkyportServer(ServerConfig.of(home, cfg)).start();
    }

    static void deleteTree(Path p) {
        if (p == null) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort clean-up of a temp directory
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String apiUrl() {
        return baseUrl() + "/client/api";
    }

    public NativeClient admin() {
        return admin;
    }

    /** A new user account of that name (password Tenant-Passw0rd) with API keys, as a signed client. */
    public NativeClient tenant(String name) {
        NativeClient.Reply created = admin.call("createAccount", "username", name, "password", "Tenant-Passw0rd",
                "firstname", "T", "lastname", "N", "email", name + "@example.org");
        if (created.status() != 200) {
            throw new AssertionError("createAccount " + name + ": " + created.body());
        }
        JsonObject account = created.inner().getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = admin.call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        return new NativeClient(baseUrl(), keys.get("apikey").getAsString(), keys.get("secretkey").getAsString());
    }

    public SkyportServer server() {
        return server;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        stop();
    }
}
