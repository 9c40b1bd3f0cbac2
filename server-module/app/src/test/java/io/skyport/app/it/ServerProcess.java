package io.skyport.app.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The server as a separate JVM, started as {@code java -jar} would start it, so a test can kill
 * it with SIGKILL and start it again on the same home directory.
 */
final class ServerProcess implements AutoCloseable {
    private final Path home;
    private final int port;
    private final Map<String, String> env;
    private Process process;
    /** False for a node joining a database another node set up: no first-start client files then. */
    private boolean firstStart = true;

    ServerProcess(Path home, Map<String, String> env) throws IOException {
        this.home = home;
        this.env = env;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** Another management server on a database a first node already set up: it writes no cloudstack.ini. */
    ServerProcess joining() {
        firstStart = false;
        return this;
    }

    ServerProcess start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.skyport.app.Main"));
        pb.environment().put("SKYPORT_HOME", home.toString());
        pb.environment().put("SKYPORT_PORT", Integer.toString(port));
        pb.environment().put("SKYPORT_BIND", "127.0.0.1");
        pb.environment().put("SKYPORT_METADATA_PORT", "0");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server-process.log").toFile()));
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(home.resolve("server-process.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && (!firstStart || Files.exists(home.resolve("cloudstack.ini")))) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server did not become healthy: " + Files.readString(home.resolve(
                "server-process.log")));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A client signed with the admin keys the first start wrote to cloudstack.ini. */
    NativeClient admin() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("cloudstack.ini"))) {
            p.load(in);
        }
        return new NativeClient(baseUrl(), p.getProperty("key").trim(), p.getProperty("secret").trim());
    }

    /** Waits for the process to end by itself (a crash point halted it); its exit status, or -1 if it still runs. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue()
                : -1;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(home.resolve("server-process.log"));
    }

    /** The /healthz status code, or -1 when nothing answers. */
    int health() throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no draining. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
