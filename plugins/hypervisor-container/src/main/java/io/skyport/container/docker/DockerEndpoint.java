package io.skyport.container.docker;

import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how to reach one Docker engine, read from the host's URL and details. The URL is
 * the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://host:2376}); its query
 * and the host's details (details win) carry the options, as simulator hosts carry theirs:
 * <ul>
 * <li>{@code tlscertpath}: directory with ca.pem, cert.pem and key.pem for a TLS engine</li>
 * <li>{@code network}: a user-defined network containers join; none when absent</li>
 * <li>{@code stoptimeout}: seconds a container gets between SIGTERM and SIGKILL (default 10)</li>
 * <li>{@code cpuspeed}: MHz one engine CPU counts for in placement (default 2000), since the
 * engine does not report clock speeds</li>
 * </ul>
 */
public record DockerEndpoint(String dockerHost, String tlsCertPath, String network, int stopTimeoutSeconds,
                             long cpuSpeedMhz) {
    static final int DEFAULT_STOP_TIMEOUT = 10;
    static final long DEFAULT_CPU_SPEED_MHZ = 2000;

    public static DockerEndpoint of(HostRef host) {
        if (host.url() == null || host.url().isBlank()) {
            throw new IllegalArgumentException("a Docker host needs the engine's address, like "
                    + "unix:///var/run/docker.sock or tcp://host:2376");
        }
        URI uri;
        try {
            uri = new URI(host.url().trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid Docker host URL " + host.url() + ": " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String address;
        if (scheme.equals("unix") && uri.getPath() != null && !uri.getPath().isEmpty()) {
            address = "unix://" + uri.getPath();
        } else if (scheme.equals("tcp") && uri.getHost() != null && uri.getPort() > 0) {
            address = "tcp://" + uri.getHost() + ":" + uri.getPort();
        } else {
            throw new IllegalArgumentException("a Docker host URL is unix:///path/to/docker.sock or tcp://host:port, "
                    + "not " + host.url());
        }
        Map<String, String> options = query(uri.getRawQuery());
        if (host.details() != null) {
            host.details().forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
        }
        String certs = blankToNull(options.get("tlscertpath"));
        if (certs != null && !scheme.equals("tcp")) {
            throw new IllegalArgumentException("tlscertpath applies to tcp:// engines only");
        }
        return new DockerEndpoint(address, certs, blankToNull(options.get("network")),
                positive(options, "stoptimeout", DEFAULT_STOP_TIMEOUT), positive(options, "cpuspeed",
                DEFAULT_CPU_SPEED_MHZ));
    }

    /** The network mode containers are created with: the named network, else none (no interface but lo). */
    public String networkMode() {
        return network == null ? "none" : network;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                out.put(decode(kv.substring(0, i)).toLowerCase(Locale.ROOT), decode(kv.substring(i + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static int positive(Map<String, String> options, String key, long def) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return (int) def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive whole number, not " + v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
