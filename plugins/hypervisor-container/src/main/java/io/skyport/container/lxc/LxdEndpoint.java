package io.skyport.container.lxc;

import io.skyport.container.HostOptions;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where and how to reach one LXD (or Incus) daemon, read from the host's URL and details. The URL
 * is the daemon's local socket ({@code unix:///var/lib/lxd/unix.socket}) or its HTTPS address
 * ({@code https://lxd1.example.org:8443}); its query and the host's details (details win) carry
 * the options:
 * <ul>
 * <li>{@code pool}: the storage pool containers' root disks are made on (default {@code default})</li>
 * <li>{@code profile}: profiles applied to every container, comma-separated; none when absent, so
 * a container gets only what Skyport gives it (a root disk, no NIC)</li>
 * <li>{@code networking}: {@code bridge} to give every container a NIC on the zone's guest network
 * bridge of this machine, addressed as the core allocated, with security groups enforced</li>
 * <li>{@code stoptimeout}: seconds a container's init gets to shut down cleanly before it is
 * killed (default 10)</li>
 * <li>{@code cpuspeed}: MHz one host CPU counts for in placement; by default the clock the daemon
 * reports for the host's CPUs, else 2000</li>
 * <li>for https only ({@link LxdTls}): {@code clientcert}, {@code clientkey}, and one of
 * {@code servercert} or {@code serverfingerprint}</li>
 * </ul>
 * {@code address} is the socket's path, or {@code https://host:port} for a remote daemon; {@code
 * tls} is null for a socket.
 */
public record LxdEndpoint(String address, LxdTls tls, String pool, List<String> profiles, int stopTimeoutSeconds,
                          Integer cpuSpeedMhz, boolean bridged) {
    static final String DEFAULT_POOL = "default";
    static final int DEFAULT_STOP_TIMEOUT = 10;
    static final long DEFAULT_CPU_SPEED_MHZ = 2000;
    static final int DEFAULT_HTTPS_PORT = 8443;

    /**
     * Endpoints already read, by URL and details: an https host's certificate files are read and
     * checked once, not at every driver call. Only valid endpoints are kept.
     */
    private static final Map<String, LxdEndpoint> READ = new ConcurrentHashMap<>();

    public static LxdEndpoint of(HostRef host) {
        String key = host.url() + "|" + (host.details() == null ? "" : new TreeMap<>(host.details()).toString());
        LxdEndpoint known = READ.get(key);
        if (known != null) {
            return known;
        }
        LxdEndpoint read = parse(host);
        if (READ.size() < 1024) {
            READ.put(key, read);
        }
        return read;
    }

    private static LxdEndpoint parse(HostRef host) {
        if (host.url() == null || host.url().isBlank()) {
            throw new IllegalArgumentException("an LXC host needs the LXD daemon's socket, like "
                    + "unix:///var/lib/lxd/unix.socket");
        }
        URI uri;
        try {
            uri = new URI(host.url().trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid LXC host URL " + host.url() + ": " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        HostOptions options = HostOptions.of(uri, host.details());
        String address;
        LxdTls tls = null;
        if (scheme.equals("unix") && uri.getPath() != null && !uri.getPath().isEmpty() && uri.getHost() == null) {
            if (LxdTls.anyGiven(options)) {
                throw new IllegalArgumentException("clientcert, clientkey, servercert and serverfingerprint apply to "
                        + "https:// LXD hosts only, not to the local socket " + uri.getPath());
            }
            address = uri.getPath();
        } else if (scheme.equals("https") && uri.getHost() != null
                && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            address = "https://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : DEFAULT_HTTPS_PORT);
            tls = LxdTls.of(options);
        } else {
            throw new IllegalArgumentException("an LXC host URL is the LXD daemon's local socket, "
                    + "unix:///path/to/unix.socket, or its HTTPS address, https://host:8443, not " + host.url());
        }
        String profile = options.text("profile");
        List<String> profiles = profile == null ? List.of() : Arrays.stream(profile.split(",")).map(String::trim)
                .filter(p -> !p.isEmpty()).toList();
        String pool = options.text("pool", DEFAULT_POOL);
        if (!pool.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("invalid storage pool name " + pool);
        }
        boolean bridged = options.bridged();
        // the bridge and the firewall are made with this machine's own tools, so the daemon must run here
        if (bridged && tls != null) {
            throw new IllegalArgumentException("networking=bridge needs the LXD daemon of this machine (unix://), "
                    + "not one reached over https");
        }
        return new LxdEndpoint(address, tls, pool, profiles, options.positive("stoptimeout", DEFAULT_STOP_TIMEOUT),
                options.text("cpuspeed") == null ? null : options.positive("cpuspeed", 1), bridged);
    }

    /** Whether the daemon is reached over HTTPS rather than its local socket. */
    public boolean remote() {
        return tls != null;
    }
}
