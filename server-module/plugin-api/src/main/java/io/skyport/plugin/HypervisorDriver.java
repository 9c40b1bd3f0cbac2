package io.skyport.plugin;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hypervisor driver SPI: what the orchestrator asks of a host, whatever runs the
 * instances (simulator, Docker, LXC). Calls are blocking and run on job threads.
 */
public interface HypervisorDriver {
    /** Hypervisor type as listHosts reports it: Simulator, Docker, LXC. */
    String hypervisorType();

    /** Checks that the host answers and returns what it offers. */
    HostCapacity connect(HostRef host);

    HostCapacity hostCapacity(HostRef host);

    /**
     * Whether the core's host monitor pings this driver's hosts and marks them Disconnected (then
     * Alert) when they stop answering. Drivers whose host status is set another way (the
     * simulator's fault injection) say no.
     */
    default boolean monitored() {
        return true;
    }

    /**
     * The monitor's periodic health check: answers the host's current capacity, or throws with a
     * message saying why the host cannot be reached. By default a full {@link #connect}.
     */
    default HostCapacity ping(HostRef host) {
        return connect(host);
    }

    /**
     * Asks the driver to report, as they happen, instances on the host that stopped or vanished:
     * it calls {@code instanceChanged} with the VM uuid, and the core settles that VM at once
     * instead of at its next power-state pass. Called after every successful ping, so it must be
     * idempotent and is how a watch broken by a daemon restart is opened again. Default: no push
     * notifications, the periodic pass alone keeps the state.
     */
    default void watch(HostRef host, Consumer<String> instanceChanged) {
    }

    void start(HostRef host, VmSpec vm);

    void stop(HostRef host, String vmUuid, boolean force);

    void reboot(HostRef host, String vmUuid);

    void destroy(HostRef host, String vmUuid);

    PowerState status(HostRef host, String vmUuid);

    /** Every instance this host runs, by VM uuid, for reconciliation. */
    Map<String, PowerState> list(HostRef host);

    default String consoleOutput(HostRef host, String vmUuid) {
        return "";
    }

    /**
     * Runs a command inside the running instance and waits for it. Drivers that cannot run
     * commands keep this default, which the core reports to the caller as an unsupported request.
     */
    default ExecResult exec(HostRef host, String vmUuid, List<String> command) {
        throw new UnsupportedOperationException(hypervisorType() + " hosts do not support running commands in a VM");
    }

    /** True when {@link #stats} measures the instance; the core samples only such drivers. */
    default boolean reportsStats() {
        return false;
    }

    default VmStats stats(HostRef host, String vmUuid) {
        return new VmStats(0, 0, 0);
    }

    /**
     * Whether a data volume's content lives on the host that first mounted it (a Docker named
     * volume, an LXD custom volume), so the volume can only be used by VMs on that host and must be
     * deleted there. False for hosts without storage of their own (the simulator).
     */
    default boolean hostLocalVolumes() {
        return false;
    }

    /**
     * Whether a running VM can gain or lose a data volume. When not, the core refuses the attach
     * or detach of a running VM's volume and asks for the VM to be stopped first.
     */
    default boolean attachesVolumesWhileRunning() {
        return true;
    }

    /**
     * Makes the volume (creating its storage on the host if needed) and mounts it in the VM's
     * instance, when the instance exists; a VM whose instance is made later gets its volumes from
     * {@link VmSpec#volumes()}. Either everything is done or nothing is, and a failure throws.
     */
    default void attachVolume(HostRef host, String vmUuid, VolumeRef volume) {
    }

    /** Unmounts the volume from the VM's instance (if it exists), keeping the volume's content. */
    default void detachVolume(HostRef host, String vmUuid, VolumeRef volume) {
    }

    /** Deletes the volume's storage on the host; storage already gone is not an error. */
    default void deleteVolume(HostRef host, VolumeRef volume) {
    }

    /**
     * Whether instances on this host get an interface on the zone's guest network. When not
     * (a container engine with no network configured), the core gives the VM no guest address
     * rather than report one nothing answers at.
     */
    default boolean attachesGuestNetwork(HostRef host) {
        return true;
    }

    enum PowerState { RUNNING, STOPPED, MISSING, UNKNOWN }

    record HostRef(long id, String uuid, String name, String url, Map<String, String> details) {
    }

    record HostCapacity(int cpus, long cpuSpeedMhz, long memoryBytes) {
    }

    /**
     * What a host needs to run a VM. {@code image} names what the host runs; {@code imageSource},
     * when not null, is where the image's root file system can be fetched (a tarball URL) for a
     * host that does not have the image yet.
     */
    record VmSpec(String uuid, String name, String accountUuid, int cpus, int cpuSpeedMhz, long memoryMb,
                  String image, String userData, List<String> sshPublicKeys, Map<String, String> labels,
                  String imageSource, List<VolumeRef> volumes, List<NicRef> nics) {
        public VmSpec {
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
            nics = nics == null ? List.of() : List.copyOf(nics);
        }

        /** A VM with no guest address (its host gives it no guest network). */
        public VmSpec(String uuid, String name, String accountUuid, int cpus, int cpuSpeedMhz, long memoryMb,
                      String image, String userData, List<String> sshPublicKeys, Map<String, String> labels,
                      String imageSource, List<VolumeRef> volumes) {
            this(uuid, name, accountUuid, cpus, cpuSpeedMhz, memoryMb, image, userData, sshPublicKeys, labels,
                    imageSource, volumes, List.of());
        }

        /** A VM with no data volumes attached. */
        public VmSpec(String uuid, String name, String accountUuid, int cpus, int cpuSpeedMhz, long memoryMb,
                      String image, String userData, List<String> sshPublicKeys, Map<String, String> labels,
                      String imageSource) {
            this(uuid, name, accountUuid, cpus, cpuSpeedMhz, memoryMb, image, userData, sshPublicKeys, labels,
                    imageSource, List.of());
        }

        /** A VM whose image the host must already have. */
        public VmSpec(String uuid, String name, String accountUuid, int cpus, int cpuSpeedMhz, long memoryMb,
                      String image, String userData, List<String> sshPublicKeys, Map<String, String> labels) {
            this(uuid, name, accountUuid, cpus, cpuSpeedMhz, memoryMb, image, userData, sshPublicKeys, labels, null);
        }
    }

    /**
     * A data volume as a host sees it: its uuid (what names its storage on the host), its name for
     * people, the device slot it is attached at (1..15; it fixes the mount path; 0 when the volume is
     * detached, as for its deletion) and its size.
     */
    record VolumeRef(String uuid, String name, int deviceId, long sizeBytes) {
    }

    /**
     * A guest interface the core allocated: its address on the network (given to the instance as
     * is, the core keeps it unique), the network's prefix length and gateway, the interface's MAC,
     * and the network's uuid and CIDR, from which a driver names the bridge the network is on.
     */
    record NicRef(String address, int prefix, String gateway, String mac, String networkUuid, String networkCidr,
                  int deviceId) {
    }

    record ExecResult(int exitCode, String stdout, String stderr) {
    }

    record VmStats(double cpuPercent, long memoryUsedBytes, long memoryLimitBytes) {
    }
}
