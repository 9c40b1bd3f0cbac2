package io.skyport.bench;

import io.skyport.app.SkyportServer;
import io.skyport.core.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * A throw-away Skyport server in this JVM: fresh home in a temp directory, embedded H2, a free
 * port on loopback, and the admin API keys created by its first start.
 */
final class EmbeddedServer implements AutoCloseable {
    private final Path home;
    private final SkyportServer server;

    private EmbeddedServer(Path home, SkyportServer server) {
        this.home = home;
        this.server = server;
    }

    /**
     * Must run before anything touches logging: the server's log configuration reads its log
     * directory and level from system properties when it initialises.
     */
    static Path prepareHome() throws IOException {
        Path home = Files.createTempDirectory("skyport-bench");
        System.setProperty("skyport.home", home.toString());
        // INFO lines from the server would interleave with the benchmark's progress output
        if (System.getProperty("skyport.log.level") == null) {
            System.setProperty("skyport.log.level", "WARN");
        }
        return home;
    }

    static EmbeddedServer start(Path home) throws Exception {
        return start(home, Map.of());
    }

    /** With extra configuration (database URL, pool sizes, ...) over the loopback defaults. */
    static EmbeddedServer start(Path home, Map<String, String> settings) throws Exception {
        // the metadata listener on a free port too: a fixed one could be another server's on the machine
        Map<String, String> all = new java.util.HashMap<>(Map.of("skyport.port", "0", "skyport.bind", "127.0.0.1",
                "skyport.metadata.port", "0"));
        all.putAll(settings);
        return new EmbeddedServer(home, new SkyportServer(ServerConfig.of(home, all)).start());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The metadata listener's port (it binds every address), if the listener is on. */
    java.util.Optional<Integer> metadataPort() {
        return server.metadataPort();
    }

    <T> T coreBean(Class<T> type) {
        return server.coreBean(type);
    }

    String apiKey() {
        return server.bootstrap().apiKey();
    }

    String secretKey() {
        return server.bootstrap().secretKey();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        // the embedded database may still write its file while it shuts down; try again briefly
        for (int attempt = 0; attempt < 5 && Files.exists(home); attempt++) {
            deleteTree(home);
            if (Files.exists(home)) {
                Thread.sleep(200);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: it is a temp directory
        }
    }
}
