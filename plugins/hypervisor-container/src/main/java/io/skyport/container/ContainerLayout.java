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
    /** The label (LXD: user config key) naming the Skyport volume a host volume holds. */
    public static final String VOLUME_LABEL = "skyport.volume";
    /** Data volumes are mounted at {@code /mnt/disk<device id>}: device 1 at /mnt/disk1, and so on. */
    public static final String MOUNT_PREFIX = "/mnt/disk";
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

    /** The host's volume (Docker named volume, LXD custom volume) holding a Skyport volume's content. */
    public static String volumeName(String volumeUuid) {
        return PREFIX + "vol-" + volumeUuid;
    }

    /**
     * Where a data volume appears inside the container: fixed by its device slot, so it stays put
     * across stops, starts and re-creations, and a detach and attach at the same slot finds it
     * again at the same path.
     */
    public static String mountPath(int deviceId) {
        if (deviceId < 1) {
            throw new IllegalArgumentException("data volumes are mounted at device 1 or above, not " + deviceId);
        }
        return MOUNT_PREFIX + deviceId;
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
