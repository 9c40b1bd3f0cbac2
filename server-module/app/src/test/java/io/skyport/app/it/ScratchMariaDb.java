package io.skyport.app.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A throw-away database on the live MariaDB server (env SKYPORT_IT_MARIADB_URL/_USER/_PASSWORD),
 * or a skip (a failure with SKYPORT_REQUIRE_LIVE=1) when none can be created.
 */
final class ScratchMariaDb implements AutoCloseable {
    static final String URL = Live.env("SKYPORT_IT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = Live.env("SKYPORT_IT_MARIADB_USER", "skyport");
    static final String PASSWORD = Live.env("SKYPORT_IT_MARIADB_PASSWORD", "skyport");

    private final String database;

    private ScratchMariaDb(String database) {
        this.database = database;
    }

    static ScratchMariaDb create() {
        String candidate = "skyport_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String why = null;
        try (Connection c = connect(URL); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + candidate + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            why = "cannot create a database at " + URL + " as " + USER + ": " + e.getMessage();
        }
        Live.require("mariadb", why == null, why);
        return new ScratchMariaDb(candidate);
    }

    String name() {
        return database;
    }

    String url() {
        return withDatabase(URL, database);
    }

    /** Server configuration pointing at this database. */
    Map<String, String> serverConfig() {
        return Map.of("skyport.db.url", url(), "skyport.db.user", USER, "skyport.db.password", PASSWORD);
    }

    /** The same, as the environment of a server in its own JVM ({@link ServerProcess}). */
    Map<String, String> serverEnv() {
        return Map.of("SKYPORT_DB_URL", url(), "SKYPORT_DB_USER", USER, "SKYPORT_DB_PASSWORD", PASSWORD);
    }

    /** A connection to this database (for checks that read the rows directly). */
    Connection connection() {
        try {
            return connect(url());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        // fail fast when nothing listens, so a missing server skips quickly
        p.setProperty("connectTimeout", "5000");
        return DriverManager.getConnection(url, p);
    }

    /** The server URL with the database appended, keeping any options after '?'. */
    static String withDatabase(String serverUrl, String db) {
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String options = q < 0 ? "" : serverUrl.substring(q);
        return (base.endsWith("/") ? base : base + "/") + db + options;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(URL); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
