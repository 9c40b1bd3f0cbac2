package io.skyport.container.docker;

import io.skyport.container.net.HostCommands;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.Pod;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.FirstStartClientSetup;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * On the first start, a Docker engine answering on this machine becomes a host right away: a
 * cluster {@value #CLUSTER} of its own in the first pod of the first zone (on a first start, the
 * demo zone, whose simulated hosts stay as they are: placement keeps Docker templates on Docker
 * hosts and the others off them). What was found is printed in the start banner. It runs as a
 * first-start setup so it happens once per installation: an admin who deletes the host later
 * does not see it come back at the next restart. {@code skyport.docker.discovery=false} turns it
 * off; {@code skyport.docker.discovery.url} names another engine address than the default socket.
 *
 * <p>When the server runs as root on a machine with {@code nft}, the discovered host bridges the
 * zone's guest network ({@code networking=bridge}): its instances get their addresses and their
 * security groups are enforced. {@code skyport.docker.discovery.networking=false} keeps it off.
 */
public class DockerDiscovery implements FirstStartClientSetup {
    private static final Logger LOG = LogManager.getLogger(DockerDiscovery.class);
    public static final String ENABLED = "skyport.docker.discovery";
    public static final String URL = "skyport.docker.discovery.url";
    public static final String NETWORKING = "skyport.docker.discovery.networking";
    static final String DEFAULT_URL = "unix:///var/run/docker.sock";
    static final String CLUSTER = "Docker-local";
    static final String HOST = "docker-local";

    private final DockerDriver driver;
    private final InfraService infra;
    private final ZoneDao zones;
    private final PodDao pods;
    private final ClusterDao clusters;
    private final HostDao hosts;
    private final boolean enabled;
    private final String url;
    private final boolean networking;
    private final HostCommands commands;

    public DockerDiscovery(DockerDriver driver, InfraService infra, ZoneDao zones, PodDao pods, ClusterDao clusters,
                           HostDao hosts, ServerConfig config) {
        this(driver, infra, zones, pods, clusters, hosts, config, HostCommands.local());
    }

    public DockerDiscovery(DockerDriver driver, InfraService infra, ZoneDao zones, PodDao pods, ClusterDao clusters,
                           HostDao hosts, ServerConfig config, HostCommands commands) {
        this.driver = driver;
        this.infra = infra;
        this.zones = zones;
        this.pods = pods;
        this.clusters = clusters;
        this.hosts = hosts;
        this.enabled = Boolean.parseBoolean(config.get(ENABLED, "true"));
        this.url = config.get(URL, DEFAULT_URL);
        this.networking = Boolean.parseBoolean(config.get(NETWORKING, "true"));
        this.commands = commands;
    }

    /** Whether this machine can bridge guest networks: the server is root (bridges) and has nft (firewall). */
    boolean canBridge() {
        HostCommands.Result id = commands.run(List.of("id", "-u"), null);
        // the bridge and the table are made on this machine, so only its own engine (a unix socket) qualifies
        return networking && url.startsWith("unix://") && id.ok() && "0".equals(id.output().trim())
                && commands.run(List.of("nft", "--version"), null).ok();
    }

    /** The host's URL without its options, as discovery named the engine. */
    private static String engineOf(String hostUrl) {
        int q = hostUrl.indexOf('?');
        return q < 0 ? hostUrl : hostUrl.substring(0, q);
    }

    @Override
    public List<String> write(Path home, String baseUrl, CallContext admin) {
        if (!enabled) {
            return List.of();
        }
        if (hosts.hosts(null, null, null, null, DockerDriver.TYPE, null).stream()
                .anyMatch(h -> url.equals(engineOf(h.url())))) {
            return List.of();
        }
        try {
            driver.connect(new HostRef(0, "discovery", HOST, url, Map.of()));
        } catch (RuntimeException absent) {
            LOG.info("no Docker engine to discover at {}: {}", url, absent.getMessage());
            return List.of();
        }
        Zone zone = zones.zones(null, null, null).stream().findFirst().orElse(null);
        Pod pod = zone == null ? null : pods.pods(null, zone.id(), null).stream().findFirst().orElse(null);
        if (pod == null) {
            return List.of("Docker engine found at " + url + " but not added: there is no zone with a pod yet; add it "
                    + "with addHost hypervisor=Docker url=" + url);
        }
        try {
            Cluster cluster = clusters.clusters(null, zone.id(), pod.id(), CLUSTER, DockerDriver.TYPE).stream()
                    .findFirst().orElseGet(() -> infra.addCluster(admin, pod.id(), CLUSTER, DockerDriver.TYPE));
            boolean bridged = canBridge();
            Host host = infra.addHost(admin, cluster.id(), HOST, bridged ? url + "?networking=bridge" : url);
            LOG.info("discovered the Docker engine at {}: host {} in zone {}", url, host.name(), zone.name());
            return List.of("Docker engine discovered at " + url + ": host " + host.name() + " (cluster " + CLUSTER
                    + " of zone " + zone.name() + ", " + host.cpus() + " cpus, " + host.memoryBytes() / (1024 * 1024)
                    + " MB" + (bridged ? ", guest network bridged with security groups enforced" : "")
                    + "); turn discovery off with " + ENABLED + "=false");
        } catch (RuntimeException e) {
            LOG.warn("could not add the discovered Docker engine at {}: {}", url, e.getMessage());
            return List.of("Docker engine found at " + url + " but not added: " + e.getMessage());
        }
    }
}
