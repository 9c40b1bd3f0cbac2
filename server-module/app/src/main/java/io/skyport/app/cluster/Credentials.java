package io.skyport.app.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the server is and who calls it: the native endpoint and API keys, from flags, else the
 * environment (SKYPORT_ENDPOINT, SKYPORT_API_KEY, SKYPORT_SECRET_KEY), else the client
 * configuration the server writes on its first start ({@code $SKYPORT_HOME/cloudstack.ini}).
 * The EC2 and GCE endpoints are the same server's {@code /ec2} and {@code /compute/v1}.
 *
 * @param gceKeyFile a GCE service-account key file, or null to have the native API make one
 */
public record Credentials(String nativeEndpoint, String apiKey, String secretKey, Path gceKeyFile) {

    /** The server's base URL: the native endpoint without {@code /client/api}. */
    public String baseUrl() {
        String e = nativeEndpoint.endsWith("/") ? nativeEndpoint.substring(0, nativeEndpoint.length() - 1)
                : nativeEndpoint;
        return e.endsWith("/client/api") ? e.substring(0, e.length() - "/client/api".length()) : e;
    }

    /** Flags win over the environment, which wins over the ini file. */
    static Credentials resolve(String endpoint, String apiKey, String secretKey, Path config, Path gceKeyFile) {
        Ini ini = Ini.read(config == null ? defaultConfig() : config);
        String e = first(endpoint, System.getenv("SKYPORT_ENDPOINT"), ini.endpoint);
        String k = first(apiKey, System.getenv("SKYPORT_API_KEY"), ini.key);
        String s = first(secretKey, System.getenv("SKYPORT_SECRET_KEY"), ini.secret);
        if (e == null || k == null || s == null) {
            throw new ClusterException("no endpoint and API keys: give --endpoint, --api-key and --secret-key, set "
                    + "SKYPORT_ENDPOINT/SKYPORT_API_KEY/SKYPORT_SECRET_KEY, or start the server once so it writes "
                    + (config == null ? defaultConfig() : config));
        }
        return new Credentials(e, k, s, gceKeyFile);
    }

    static Path defaultConfig() {
        String home = System.getenv("SKYPORT_HOME");
        return (home == null ? Path.of(System.getProperty("user.home"), ".skyport") : Path.of(home))
                .resolve("cloudstack.ini");
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** The [cloudstack] section as the stock {@code cs} client reads it: endpoint, key, secret. */
    private record Ini(String endpoint, String key, String secret) {
        static Ini read(Path file) {
            if (!Files.isRegularFile(file)) {
                return new Ini(null, null, null);
            }
            String endpoint = null;
            String key = null;
            String secret = null;
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq < 0 || line.trim().startsWith("#") || line.trim().startsWith(";")) {
                        continue;
                    }
                    String name = line.substring(0, eq).trim();
                    String value = line.substring(eq + 1).trim();
                    switch (name) {
                        case "endpoint" -> endpoint = value;
                        case "key" -> key = value;
                        case "secret" -> secret = value;
                        default -> {
                            // other settings of the cs client (timeout, method, ...) do not concern us
                        }
                    }
                }
            } catch (IOException ex) {
                throw new ClusterException("cannot read " + file + ": " + ex.getMessage());
            }
            return new Ini(endpoint, key, secret);
        }
    }
}
