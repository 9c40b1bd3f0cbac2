package io.skyport.container.lxc;

import io.skyport.container.HostOptions;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where and how to reach one LXD (or Incus) daemon, read from the host's URL and details. The URL
 * is the daemon's local socket ({@code unix:///var/lib/lxd/unix.socket}); its query and the
 * host's details (details win) carry the options:
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
 * </ul>
 */
public record LxdEndpoint(String socketPath, String pool, List<String> profiles, int stopTimeoutSeconds,
                          Integer cpuSpeedMhz, boolean bridged) {
    static final String DEFAULT_POOL = "default";
    static final int DEFAULT_STOP_TIMEOUT = 10;
    static final long DEFAULT_CPU_SPEED_MHZ = 2000;

    public static LxdEndpoint of(HostRef host) {
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
        // a remote daemon (https with a trusted client certificate) is not supported yet
        if (!scheme.equals("unix") || uri.getPath() == null || uri.getPath().isEmpty() || uri.getHost() != null) {
            throw new IllegalArgumentException("an LXC host URL is the LXD daemon's local socket, "
                    + "unix:///path/to/unix.socket, not " + host.url());
        }
        HostOptions options = HostOptions.of(uri, host.details());
        String profile = options.text("profile");
        List<String> profiles = profile == null ? List.of() : Arrays.stream(profile.split(",")).map(String::trim)
                .filter(p -> !p.isEmpty()).toList();
        String pool = options.text("pool", DEFAULT_POOL);
        if (!pool.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("invalid storage pool name " + pool);
        }
        return new LxdEndpoint(uri.getPath(), pool, profiles, options.positive("stoptimeout", DEFAULT_STOP_TIMEOUT),
                options.text("cpuspeed") == null ? null : options.positive("cpuspeed", 1), options.bridged());
    }
}
