package io.skyport.core.volume;

import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.vm.Placement;
import io.skyport.core.vm.Vm;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Where data volumes meet hosts: which host's driver acts for a VM's volumes, and which host a
 * volume's content is kept on when the host's volumes are local storage.
 */
@Component
public class VolumeHosts {
    private static final Logger LOG = LogManager.getLogger(VolumeHosts.class);
    private final HostDao hosts;
    private final Placement placement;
    private final VolumeDao volumes;

    public VolumeHosts(HostDao hosts, Placement placement, VolumeDao volumes) {
        this.hosts = hosts;
        this.placement = placement;
        this.volumes = volumes;
    }

    /** A host and the driver that runs it. */
    public record Target(Host host, HypervisorDriver driver) {
    }

    /**
     * The host whose driver acts for the VM: the one it runs on, else the one it last ran on,
     * where its (stopped) instance may still exist. Empty for a VM that never ran.
     */
    public Optional<Target> of(Vm vm) {
        Long id = vm.hostId() != null ? vm.hostId() : vm.lastHostId();
        return id == null ? Optional.empty() : host(id);
    }

    public Optional<Target> host(long hostId) {
        return hosts.host(hostId).map(h -> new Target(h, placement.driverOf(h)));
    }

    /**
     * The host the VM is bound to because a data volume attached to it keeps its content there,
     * if any: a VM whose volumes are local to a host starts only on that host.
     */
    public Optional<Long> pinnedHost(long vmId) {
        return dataVolumes(vmId).stream().map(Volume::hostId).filter(Objects::nonNull).findFirst();
    }

    /** The data volumes attached to a VM, in device order. */
    public List<Volume> dataVolumes(long vmId) {
        return volumes.ofVm(vmId).stream().filter(v -> "DATADISK".equals(v.volumeType()) && v.deviceId() != null)
                .toList();
    }

    /** The VM's data volumes as its host sees them, for the instance made at its start. */
    public List<VolumeRef> refs(long vmId) {
        return dataVolumes(vmId).stream().map(v -> ref(v, v.deviceId())).toList();
    }

    /** After the VM started on a host with local volumes: its volumes' content now lives there. */
    public void placed(long vmId, Target target) {
        if (target.driver().hostLocalVolumes()) {
            dataVolumes(vmId).forEach(v -> volumes.placeOnHost(v.id(), target.host().id()));
        }
    }

    /**
     * Deletes the host storage of an account's volumes, as the account goes (its VMs expunged
     * before, so nothing mounts them). A host that fails keeps that storage, with a warning: the
     * account's deletion goes on.
     */
    public void releaseStorageOf(long accountId) {
        for (Volume v : volumes.placedOf(accountId)) {
            host(v.hostId()).ifPresent(t -> {
                try {
                    t.driver().deleteVolume(t.host().ref(), ref(v, 0));
                } catch (RuntimeException e) {
                    LOG.warn("host {} kept the storage of volume {} of a deleted account: {}", t.host().name(),
                            v.uuid(), e.getMessage());
                }
            });
        }
    }

    public static VolumeRef ref(Volume v, int deviceId) {
        return new VolumeRef(v.uuid(), v.name(), deviceId, v.sizeBytes());
    }
}
