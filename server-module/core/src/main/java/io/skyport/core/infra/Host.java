package io.skyport.core.infra;

import io.skyport.plugin.HypervisorDriver.HostRef;
import java.time.Instant;
import java.util.Map;

/**
 * A hypervisor host. cpu figures are in MHz (cpus x speed), memory in bytes; "used" is what
 * placed VMs have reserved.
 */
public record Host(long id, String uuid, String name, long zoneId, long podId, long clusterId, String hypervisor,
                   String url, String status, String resourceState, int cpus, int cpuSpeed, long memoryBytes,
                   long cpuUsed, long memoryUsed, Instant lastPing, Instant created) {

    public long cpuTotal() {
        return (long) cpus * cpuSpeed;
    }

    public boolean usable() {
        return "Up".equals(status) && "Enabled".equals(resourceState);
    }

    public HostRef ref() {
        return new HostRef(id, uuid, name, url, Map.of());
    }
}
