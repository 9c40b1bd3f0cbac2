package io.skyport.app.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker daemon of a test's own, beside the machine's: its own socket (or TCP port), data root,
 * exec root and pid file, no bridge and no iptables rules, vfs storage. A test may stop and
 * start it at will (the machine's daemon is shared and never touched). Only the process started
 * here is ever signalled.
 */
final class PrivateDockerd implements AutoCloseable {
    static final String DOCKERD = "/usr/sbin/dockerd";
    private final Path dir;
    private final List<String> listen;
    private final String url;
    private final String clientCerts;
    private final PrivateDaemonProcess process;

    private PrivateDockerd(Path dir, List<String> listen, String url, String clientCerts) {
        this.dir = dir;
        this.listen = listen;
        this.url = url;
        this.clientCerts = clientCerts;
        this.process = new PrivateDaemonProcess("dockerd", dir.resolve("dockerd.log"));
    }

    /** Why no private daemon can be started here, or empty. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(Path.of(DOCKERD))) {
            return Optional.of(DOCKERD + " is missing (package docker.io)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a private dockerd needs root");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            return Optional.of("/usr/bin/openssl is missing (package openssl)");
        }
        return Optional.empty();
    }

    /** A daemon on a unix socket of its own. */
    static PrivateDockerd onSocket() throws IOException {
        Path dir = Files.createTempDirectory("skyport-dockerd");
        String url = "unix://" + dir.resolve("docker.sock");
        return new PrivateDockerd(dir, List.of("-H", url), url, null);
    }

    /**
     * A daemon on 127.0.0.1 (a free port) that requires TLS with client certificates: server
     * certificate and CA from {@code serverCerts} (ca.pem, server-cert.pem, server-key.pem);
     * {@code clientCerts} is what the test's own client uses to reach it.
     */
    static PrivateDockerd onTls(Path serverCerts, Path clientCerts) throws IOException {
        Path dir = Files.createTempDirectory("skyport-dockerd");
        int port = PrivateDaemonProcess.freePort();
        String url = "tcp://127.0.0.1:" + port;
        return new PrivateDockerd(dir, List.of("-H", url, "--tlsverify", "--tlscacert",
                serverCerts.resolve("ca.pem").toString(), "--tlscert", serverCerts.resolve("server-cert.pem").toString(),
                "--tlskey", serverCerts.resolve("server-key.pem").toString()), url, clientCerts.toString());
    }

    String url() {
        return url;
    }

    /** Starts the daemon (again: same data root, so its containers are still there) and waits until it answers. */
    PrivateDockerd start() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(DOCKERD, "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("docker.pid").toString(),
                "--iptables=false", "--bridge=none", "--storage-driver=vfs", "--shutdown-timeout=2"));
        cmd.addAll(listen);
        process.start(cmd, this::answers, url);
        return this;
    }

    private boolean answers() {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", url));
        if (clientCerts != null) {
            cmd.addAll(List.of("--tlsverify", "--tlscacert", clientCerts + "/ca.pem", "--tlscert", clientCerts
                    + "/cert.pem", "--tlskey", clientCerts + "/key.pem"));
        }
        cmd.add("version");
        return ExternalProcess.run(cmd, Map.of(), 30).exit() == 0;
    }

    /** Stops the daemon as an operator would (SIGTERM) and waits until it has exited. */
    void stop() throws InterruptedException {
        process.stop();
    }

    String log() {
        return process.log();
    }

    /** Stops the daemon and removes its directories (dockerd leaves its data root bind-mounted on itself). */
    @Override
    public void close() throws InterruptedException {
        stop();
        ExternalProcess.run(List.of("umount", dir.resolve("data").toString()), Map.of(), 30);
        TestServer.deleteTree(dir);
    }
}
