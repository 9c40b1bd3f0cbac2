package io.skyport.container.docker;

import io.skyport.container.HostOptions;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where and how to reach one Docker engine, read from the host's URL and details. The URL is
 * the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://host:2376}); its query
 * and the host's details (details win) carry the options, as simulator hosts carry theirs:
 * <ul>
 * <li>{@code tlscertpath}: directory with ca.pem, cert.pem and key.pem for a TLS engine</li>
 * <li>{@code network}: a user-defined network containers join; none when absent</li>
 * <li>{@code networking}: {@code bridge} to plug containers into the zone's guest network on a bridge
 * of this machine, with security groups enforced (a local engine only, see {@link HostOptions#bridged})</li>
 * <li>{@code stoptimeout}: seconds a container gets between SIGTERM and SIGKILL (default 10)</li>
 * <li>{@code cpuspeed}: MHz one engine CPU counts for in placement (default 2000), since the
 * engine does not report clock speeds</li>
 * </ul>
 */
public record DockerEndpoint(String dockerHost, String tlsCertPath, String network, int stopTimeoutSeconds,
                             long cpuSpeedMhz, boolean bridged) {
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
        HostOptions options = HostOptions.of(uri, host.details());
        String certs = options.text("tlscertpath");
        if (certs != null && !scheme.equals("tcp")) {
            throw new IllegalArgumentException("tlscertpath applies to tcp:// engines only");
        }
        boolean bridged = options.bridged();
        // the bridge and the firewall are made with this machine's own tools, so the engine must run here
        if (bridged && !scheme.equals("unix")) {
            throw new IllegalArgumentException("networking=bridge needs the engine of this machine (unix://)");
        }
        if (bridged && options.text("network") != null) {
            throw new IllegalArgumentException("network and networking=bridge exclude each other");
        }
        return new DockerEndpoint(address, certs, options.text("network"),
                options.positive("stoptimeout", DEFAULT_STOP_TIMEOUT),
                options.positive("cpuspeed", (int) DEFAULT_CPU_SPEED_MHZ), bridged);
    }

    /** The network mode containers are created with: the named network, else none (no interface but lo). */
    public String networkMode() {
        return network == null ? "none" : network;
    }
}
