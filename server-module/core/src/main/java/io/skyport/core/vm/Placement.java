package io.skyport.core.vm;

import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.HypervisorDriver;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Chooses a host with room for a VM and reserves its cpu and memory there. The reservation is
 * a conditional update, so two placements racing for the last capacity cannot both succeed.
 */
@Component
public class Placement {
    private final HostDao hostDao;
    private final ModuleRegistry registry;

    public Placement(HostDao hostDao, ModuleRegistry registry) {
        this.hostDao = hostDao;
        this.registry = registry;
    }

    /** Reserves capacity on the best usable host of the zone, skipping {@code avoid}. */
    public Host reserve(Vm vm, Long requiredHostId, List<Long> avoid) {
        List<Host> candidates = hostDao.candidates(vm.zoneId(), vm.cpuMhz(), vm.memoryBytes(), avoid);
        for (Host h : candidates) {
            if (requiredHostId != null && h.id() != requiredHostId) {
                continue;
            }
            if (!runs(h, vm) || registry.driver(h.hypervisor()).isEmpty()) {
                continue;
            }
            if (hostDao.reserve(h.id(), vm.cpuMhz(), vm.memoryBytes())) {
                return h;
            }
        }
        throw new ApiException(ApiError.INSUFFICIENT_CAPACITY, "Unable to create a deployment for VM " + vm.name()
                + ": insufficient capacity (no host in the zone has " + vm.cpus() + " cpu x " + vm.cpuSpeed()
                + " MHz and " + vm.memoryMb() + " MB free)");
    }

    /**
     * A VM runs only on hosts of its own hypervisor: a zone may mix simulated hosts and container
     * engines, and a container template means nothing to the simulator (nor the reverse).
     */
    static boolean runs(Host h, Vm vm) {
        return vm.hypervisor() == null || "Any".equalsIgnoreCase(vm.hypervisor())
                || vm.hypervisor().equalsIgnoreCase(h.hypervisor());
    }

    public void release(long hostId, Vm vm) {
        hostDao.release(hostId, vm.cpuMhz(), vm.memoryBytes());
    }

    public HypervisorDriver driverOf(Host h) {
        return registry.driver(h.hypervisor()).orElseThrow(() -> new ApiException(ApiError.INTERNAL,
                "No driver is loaded for hypervisor " + h.hypervisor()));
    }
}
