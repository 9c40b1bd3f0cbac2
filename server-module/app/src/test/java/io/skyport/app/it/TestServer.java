package io.skyport.app.it;

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
public class TestServer extends ExternalResource {
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
        home = Files.createTempDirectory("skyport-it");
        Map<String, String> cfg = new HashMap<>();
        cfg.put("skyport.port", "0");
        cfg.put("skyport.bind", "127.0.0.1");
        cfg.putAll(extra);
        server = new SkyportServer(ServerConfig.of(home, cfg)).start();
        admin = new NativeClient(baseUrl(), server.bootstrap().apiKey(), server.bootstrap().secretKey());
    }

    @Override
    protected void after() {
        if (server != null) {
            server.close();
        }
        deleteTree(home);
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

    public SkyportServer server() {
        return server;
    }

    public Path home() {
        return home;
    }
}
