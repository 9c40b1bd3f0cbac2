package io.skyport.core.infra;

import io.skyport.core.event.EventService;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.network.Ipv4;
import io.skyport.core.network.NetworkDao;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.HostCapacity;
import java.util.Map;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Rules for the physical layout: zones (each with a default guest network), pods, clusters, hosts. */
@Component
public class InfraService {
    private static final Logger LOG = LogManager.getLogger(InfraService.class);
    private final ZoneDao zoneDao;
    private final PodDao podDao;
    private final ClusterDao clusterDao;
    private final HostDao hostDao;
    private final NetworkDao networks;
    private final ModuleRegistry registry;
    private final EventService events;
    private final TransactionTemplate tx;
    private final io.skyport.core.vm.VmDao vms;

    public InfraService(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao, NetworkDao networks,
                        io.skyport.core.vm.VmDao vms, ModuleRegistry registry, EventService events,
                        TransactionTemplate tx) {
        this.zoneDao = zoneDao;
        this.podDao = podDao;
        this.clusterDao = clusterDao;
        this.hostDao = hostDao;
        this.networks = networks;
        this.vms = vms;
        this.registry = registry;
        this.events = events;
        this.tx = tx;
    }

    /** Zone fields an admin gives. guestCidr is the default guest network's CIDR. */
    public record NewZone(String name, String description, String dns1, String dns2, String internalDns1,
                          String internalDns2, String guestCidr, String networkDomain, boolean securityGroupsEnabled) {
    }

    public Zone createZone(CallContext caller, NewZone z) {
        requireAdmin(caller);
        if (zoneDao.zoneByName(z.name()).isPresent()) {
            throw new ApiException(ApiError.CONFLICT, "A zone with name " + z.name() + " already exists");
        }
        String cidr = z.guestCidr() == null ? "198.18.0.0/16" : z.guestCidr();
        Ipv4.Cidr parsed;
        try {
            parsed = Ipv4.Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid guest CIDR " + cidr);
        }
        if (parsed.prefix() > 29) {
            throw new ApiException(ApiError.PARAM_ERROR, "Guest CIDR " + cidr + " is too small");
        }
        Zone zone = tx.execute(s -> {
            long id = zoneDao.insertZone(UUID.randomUUID().toString(), z.name(), z.description(),
                    z.securityGroupsEnabled(), z.dns1(), z.dns2(), z.internalDns1(), z.internalDns2(), parsed.toString(),
                    z.networkDomain());
            networks.insert(UUID.randomUUID().toString(), "guestNetworkForBasicZone", "Default guest network of "
                    + z.name(), id, null, parsed.toString(), Ipv4.format(parsed.network() + 1), "Shared", true);
            return zoneDao.zone(id).orElseThrow();
        });
        events.record(caller, "ZONE.CREATE", "Created zone " + zone.name(), "Zone", zone.uuid());
        return zone;
    }

    public Pod createPod(CallContext caller, long zoneId, String name, String gateway, String netmask, String startIp,
                         String endIp) {
        requireAdmin(caller);
        zoneDao.zone(zoneId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find zone by id"));
        long id = podDao.insertPod(UUID.randomUUID().toString(), name, zoneId, gateway, netmask, startIp, endIp);
        Pod pod = podDao.pod(id).orElseThrow();
        events.record(caller, "POD.CREATE", "Created pod " + name, "Pod", pod.uuid());
        return pod;
    }

    public Cluster addCluster(CallContext caller, long podId, String name, String hypervisor) {
        requireAdmin(caller);
        Pod pod = podDao.pod(podId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find pod by id"));
        HypervisorDriver d = driver(hypervisor);
        long id = clusterDao.insertCluster(UUID.randomUUID().toString(), name, pod.zoneId(), pod.id(), d.hypervisorType());
        Cluster c = clusterDao.cluster(id).orElseThrow();
        events.record(caller, "CLUSTER.CREATE", "Created cluster " + name, "Cluster", c.uuid());
        return c;
    }

    /** Connects to the host through its driver and records the capacity it reports. */
    public Host addHost(CallContext caller, long clusterId, String name, String url) {
        requireAdmin(caller);
        Cluster c = clusterDao.cluster(clusterId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find cluster by id"));
        HypervisorDriver d = driver(c.hypervisor());
        String uuid = UUID.randomUUID().toString();
        String hostName = name == null || name.isBlank() ? url.replaceAll("^[a-z]+://", "") : name;
        HostCapacity cap;
        try {
            cap = d.connect(new HypervisorDriver.HostRef(0, uuid, hostName, url, Map.of()));
        } catch (RuntimeException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to add host " + url + ": " + e.getMessage());
        }
        long id = hostDao.insertHost(uuid, hostName, c, url, cap.cpus(), (int) cap.cpuSpeedMhz(), cap.memoryBytes());
        Host h = hostDao.host(id).orElseThrow();
        events.record(caller, "HOST.ADD", "Added host " + hostName, "Host", h.uuid());
        return h;
    }

    public void deleteHost(CallContext caller, long hostId, boolean forced) {
        requireAdmin(caller);
        Host h = hostDao.host(hostId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find host by id"));
        if (!forced && hostDao.countVmsOnHost(h.id()) > 0) {
            throw new ApiException(ApiError.INVALID_STATE, "Host " + h.name() + " still has VMs; stop or migrate them, "
                    + "or use forced=true");
        }
        // forced: the VMs placed there cannot run on a removed host, so they are stopped with it
        int stopped = tx.execute(s -> {
            int n = vms.stopAllOnHost(h.id());
            hostDao.removeHost(h.id());
            return n;
        });
        registry.driver(h.hypervisor()).ifPresent(d -> {
            try {
                d.unwatch(h.ref());
            } catch (RuntimeException e) {
                // the host is gone from the database either way; a stream left open only reports VMs no longer there
                LOG.warn("host {}: could not stop watching it: {}", h.name(), e.toString());
            }
        });
        events.record(caller, "HOST.DELETE", "Deleted host " + h.name() + (stopped > 0 ? "; " + stopped
                + " VM(s) on it are now Stopped" : ""), "Host", h.uuid());
    }

    private HypervisorDriver driver(String hypervisor) {
        if (hypervisor == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "hypervisor is required");
        }
        return registry.driver(hypervisor).orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR,
                "Unsupported hypervisor " + hypervisor + "; loaded: " + registry.drivers().stream()
                        .map(HypervisorDriver::hypervisorType).toList()));
    }

    private static void requireAdmin(CallContext caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "Only root administrators manage infrastructure");
        }
    }
}
