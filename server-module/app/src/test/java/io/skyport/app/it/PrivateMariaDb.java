package io.skyport.app.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own, beside the machine's: its own data directory (made with
 * mariadb-install-db), socket, port on 127.0.0.1 and pid file, so a test may stop and restart it
 * (the machine's mariadbd is shared by other tests and never touched). It runs without grant
 * tables: it listens on loopback only and lives as long as the test. Only the process started
 * here is ever signalled.
 */
final class PrivateMariaDb implements AutoCloseable {
    static final String MARIADBD = "/usr/sbin/mariadbd";
    static final String INSTALL_DB = "/usr/bin/mariadb-install-db";
    private final Path dir;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Why no private server can be started here, or empty. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(Path.of(MARIADBD)) || !Files.isExecutable(Path.of(INSTALL_DB))) {
            return Optional.of(MARIADBD + " or " + INSTALL_DB + " is missing (package mariadb-server)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a private mariadbd is started as root here (--user=root)");
        }
        return Optional.empty();
    }

    /** A fresh data directory on a free port; not started yet. */
    static PrivateMariaDb create() throws IOException {
        Path dir = Files.createTempDirectory("skyport-mariadb");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ExternalProcess.Run r = ExternalProcess.run(List.of(INSTALL_DB, "--no-defaults", "--datadir="
                + dir.resolve("data"), "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"),
                Map.of(), 120);
        if (r.exit() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + r);
        }
        return new PrivateMariaDb(dir, port);
    }

    /** Starts the server (again: same data directory and port) and waits until it answers. */
    PrivateMariaDb start() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(MARIADBD, "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--socket=" + dir.resolve("mariadbd.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--pid-file=" + dir.resolve("mariadbd.pid"), "--user=root", "--skip-grant-tables", "--skip-log-bin",
                "--innodb-buffer-pool-size=32M")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile())).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + log());
            }
            try (Connection c = connect("")) {
                return this;
            } catch (SQLException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within 60 s: " + log());
    }

    /** Stops the server as an operator would (SIGTERM: a clean shutdown) and waits until it has exited. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection(url(database), p);
    }

    String log() {
        try {
            String all = Files.readString(dir.resolve("mariadbd.log"));
            return all.length() > 3000 ? all.substring(all.length() - 3000) : all;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        TestServer.deleteTree(dir);
    }
}
