package io.skyport.container;

import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a VM is laid out as a container, whatever runs it (Docker, LXD): its name, labels and
 * resource limits. One VM is one container, found again by name (or by its {@code skyport.vm}
 * label when listing). Each driver turns {@link Limits} into its daemon's own settings.
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

    private ContainerLayout() {
    }

    /**
     * What the offering grants: {@code cpus} is a hard cap on CPUs used, {@code cpuMhz} the
     * offering's total clock (vCPUs times MHz), which drivers turn into a relative weight when the
     * host is busy; memory is a hard limit.
     */
    public record Limits(int cpus, long cpuMhz, long memoryBytes, long pidsLimit) {
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

    public static Limits limits(VmSpec vm) {
        int cpus = Math.max(1, vm.cpus());
        return new Limits(cpus, (long) cpus * Math.max(1, vm.cpuSpeedMhz()), vm.memoryMb() * 1024L * 1024L,
                cpus * PIDS_PER_CPU);
    }

    /** A host name the container can carry: the VM's name when it is a valid label, else its uuid. */
    public static String hostName(VmSpec vm) {
        String n = vm.name();
        return n != null && n.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?") ? n : vm.uuid();
    }
}
