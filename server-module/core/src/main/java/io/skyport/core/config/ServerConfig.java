package io.skyport.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Server configuration: {@code $SKYPORT_HOME/skyport.properties}, overridden by environment
 * variables ({@code skyport.db.url} ← {@code SKYPORT_DB_URL}), overridden by system properties.
 */
public final class ServerConfig {
    private volatile int boundPort;
    private volatile int boundMetadataPort;
    private final Properties values = new Properties();
    private final Path home;

    private ServerConfig(Path home, Properties merged) {
        this.home = home;
        this.values.putAll(merged);
    }

    public static ServerConfig load(Map<String, String> env, Properties sys) {
        String homeRaw = firstNonNull(sys.getProperty("skyport.home"), env.get("SKYPORT_HOME"),
                Path.of(System.getProperty("user.home"), ".skyport").toString());
        Path home = Path.of(homeRaw).toAbsolutePath();
        Properties merged = new Properties();
        Path file = home.resolve("skyport.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                merged.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("SKYPORT_")) {
                merged.setProperty(e.getKey().toLowerCase().replace('_', '.'), e.getValue());
            }
        }
        for (String name : sys.stringPropertyNames()) {
            if (name.startsWith("skyport.")) {
                merged.setProperty(name, sys.getProperty(name));
            }
        }
        merged.setProperty("skyport.home", home.toString());
        return new ServerConfig(home, merged);
    }

    public static ServerConfig fromEnvironment() {
        return load(System.getenv(), System.getProperties());
    }

    /** Configuration for tests and tools: a home directory plus explicit values. */
    public static ServerConfig of(Path home, Map<String, String> extra) {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("skyport.home", home.toString());
        return new ServerConfig(home, p);
    }

    private static String firstNonNull(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    public Path home() {
        return home;
    }

    public String get(String key, String def) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? def : v;
    }

    public int getInt(String key, int def) {
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + key + " is not a number: " + v);
        }
    }

    public int port() {
        return getInt("skyport.port", 8080);
    }

    public String bindAddress() {
        return get("skyport.bind", "0.0.0.0");
    }

    /**
     * JDBC URL; the embedded H2 file database under the home directory by default. WRITE_DELAY=0
     * writes every commit through at once, so a killed process loses no committed transaction;
     * a query cache larger than H2's default of 8 keeps the server's few hundred statements parsed.
     */
    public String dbUrl() {
        return get("skyport.db.url", "jdbc:h2:file:" + home.resolve("db").resolve("skyport")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=256");
    }

    public String dbUser() {
        return get("skyport.db.user", dbUrl().startsWith("jdbc:h2:") ? "sa" : "root");
    }

    public String dbPassword() {
        return get("skyport.db.password", "");
    }

    public int httpThreads() {
        return getInt("skyport.http.threads", 64);
    }

    /**
     * Job threads: four per core (jobs mostly wait on hypervisors and the database), at least 8.
     * More threads than that only queue on the database's commit lock.
     */
    public int jobThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return getInt("skyport.jobs.threads", Math.max(8, Math.min(64, 4 * cores)));
    }

    /**
     * Connections in the pool: by default one per request thread and job thread, so no thread
     * ever queues for a connection (a queue in front of the pool costs more than idle sessions).
     */
    public int dbPoolSize() {
        return getInt("skyport.db.pool", httpThreads() + jobThreads());
    }

    /** Identity of this management server node; stable across restarts of the same home. */
    public String nodeId() {
        return get("skyport.node.id", null);
    }

    /** Public base URL clients should use; derived from the port when unset. */
    public String publicUrl(int actualPort) {
        String scheme = get("skyport.tls.keystore", null) != null || get("skyport.tls.cert", null) != null
                ? "https" : "http";
        return get("skyport.public.url", scheme + "://127.0.0.1:" + actualPort);
    }

    /** The port the server listens on, once bound (the configured one may be 0: any free port). */
    public void boundPort(int port) {
        boundPort = port;
    }

    /**
     * The port the metadata listener listens on, once it is open (the configured one may be 0);
     * 0 while it is not. Hosts forward 169.254.169.254:80 of their guest networks to it.
     */
    public void boundMetadataPort(int port) {
        boundMetadataPort = port;
    }

    public int boundMetadataPort() {
        return boundMetadataPort;
    }

    /** Public base URL, without a trailing slash, once the server is listening. */
    public String publicUrl() {
        return publicUrl(boundPort > 0 ? boundPort : port());
    }
}
