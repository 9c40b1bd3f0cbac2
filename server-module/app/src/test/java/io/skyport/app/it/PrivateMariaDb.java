package io.skyport.app.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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
    private final PrivateDaemonProcess process;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.process = new PrivateDaemonProcess("mariadbd", dir.resolve("mariadbd.log"));
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
        int port = PrivateDaemonProcess.freePort();
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
        process.start(List.of(MARIADBD, "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--socket=" + dir.resolve("mariadbd.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--pid-file=" + dir.resolve("mariadbd.pid"), "--user=root", "--skip-grant-tables", "--skip-log-bin",
                "--innodb-buffer-pool-size=32M"), this::answers, "port " + port);
        return this;
    }

    private boolean answers() {
        try (Connection c = connect("")) {
            return true;
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** Stops the server as an operator would (SIGTERM: a clean shutdown) and waits until it has exited. */
    void stop() throws InterruptedException {
        process.stop();
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
        return process.log();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        TestServer.deleteTree(dir);
    }
}
