package io.skyport.container.docker;

import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a VM is laid out as a container: its name, labels and resource limits. One VM is one
 * container, found again by name (or by its {@code skyport.vm} label when listing).
 */
public final class ContainerLayout {
    public static final String PREFIX = "skyport-";
    public static final String VM_LABEL = "skyport.vm";
    public static final String ACCOUNT_LABEL = "skyport.account";
    /**
     * Service offerings have no process-count field, so the pid limit follows the vCPU count:
     * enough for any ordinary workload, small enough that a fork bomb cannot exhaust the host.
     */
    public static final long PIDS_PER_CPU = 1024;
    /** Docker's relative weight scale: an offering's MHz map onto shares, 1 share per MHz. */
    private static final int MIN_SHARES = 2;
    private static final int MAX_SHARES = 262_144;

    private ContainerLayout() {
    }

    public record Limits(long nanoCpus, int cpuShares, long memoryBytes, long pidsLimit) {
    }

    public static String containerName(String vmUuid) {
        return PREFIX + vmUuid;
    }

    public static Map<String, String> labels(VmSpec vm) {
        Map<String, String> out = new LinkedHashMap<>();
        if (vm.labels() != null) {
            out.putAll(vm.labels());
        }
        out.put(VM_LABEL, vm.uuid());
        out.put(ACCOUNT_LABEL, vm.accountUuid() == null ? "" : vm.accountUuid());
        return out;
    }

    /**
     * The offering's vCPUs are a hard cap (NanoCpus); its total MHz are the container's weight
     * when the host is busy (CpuShares); its memory is a hard limit.
     */
    public static Limits limits(VmSpec vm) {
        int cpus = Math.max(1, vm.cpus());
        long shares = (long) cpus * Math.max(1, vm.cpuSpeedMhz());
        return new Limits(cpus * 1_000_000_000L, (int) Math.min(MAX_SHARES, Math.max(MIN_SHARES, shares)),
                vm.memoryMb() * 1024L * 1024L, cpus * PIDS_PER_CPU);
    }

    /** A host name the container can carry: the VM's name when it is a valid label, else its uuid. */
    public static String hostName(VmSpec vm) {
        String n = vm.name();
        return n != null && n.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?") ? n : vm.uuid();
    }
}
