package io.skyport.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.skyport.core.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Builds the connection pool and brings the schema up to date with Flyway. */
public final class DatabaseFactory {
    private static final Logger LOG = LogManager.getLogger(DatabaseFactory.class);

    private DatabaseFactory() {
    }

    public static HikariDataSource open(ServerConfig config) {
        String url = config.dbUrl();
        if (url.startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(config.home().resolve("db"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create " + config.home().resolve("db"), e);
            }
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("skyport-db");
        hc.setJdbcUrl(url);
        hc.setUsername(config.dbUser());
        hc.setPassword(config.dbPassword());
        hc.setMaximumPoolSize(config.dbPoolSize());
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(30_000);
        HikariDataSource ds = new HikariDataSource(hc);
        migrate(ds);
        LOG.info("database ready: {}", redact(url));
        return ds;
    }

    public static MigrateResult migrate(javax.sql.DataSource ds) {
        Flyway flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .table("schema_version")
                .load();
        MigrateResult result = flyway.migrate();
        var current = flyway.info().current();
        LOG.info("schema migrated: {} migration(s) applied, now at version {}", result.migrationsExecuted,
                current == null ? "none" : current.getVersion());
        return result;
    }

    /** Drops any password embedded in a JDBC URL before it reaches a log. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    static Path homeDb(ServerConfig config) {
        return config.home().resolve("db");
    }
}
