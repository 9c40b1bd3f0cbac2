package io.skyport.bench;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every benchmark gives the server it starts: its database and extra settings. */
public class ServerOptions {
    @Option(names = "--set", description = "server configuration key=value (repeatable), e.g. skyport.jobs.threads=4")
    Map<String, String> serverSettings = new HashMap<>();

    @Option(names = "--db-url", description = "JDBC URL of the database (default: embedded H2 in a temp home)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--db-password", description = "database password")
    String dbPassword;

    /** The server configuration: {@code base}, then the --set values, then the database options. */
    Map<String, String> config(Map<String, String> base) {
        Map<String, String> config = new HashMap<>(base);
        config.putAll(serverSettings);
        if (dbUrl != null) {
            config.put("skyport.db.url", dbUrl);
        }
        if (dbUser != null) {
            config.put("skyport.db.user", dbUser);
        }
        if (dbPassword != null) {
            config.put("skyport.db.password", dbPassword);
        }
        return config;
    }

    /** The database as a report names it. */
    String database() {
        return dbUrl == null ? "embedded H2" : "database " + dbUrl;
    }
}
