package io.skyport.core.vm;

import java.time.Instant;

/** A virtual machine (or container) row. cpuSpeed is MHz per cpu. */
public record Vm(long id, String uuid, String name, String displayName, long accountId, long domainId, long zoneId,
                 Long hostId, Long lastHostId, long serviceOfferingId, long templateId, String hypervisor, int cpus,
                 int cpuSpeed, int memoryMb, VmState state, String userData, String keypairs, long updateCount,
                 Instant created, Instant updated) {

    public long cpuMhz() {
        return (long) cpus * cpuSpeed;
    }

    public long memoryBytes() {
        return memoryMb * 1024L * 1024L;
    }
}
