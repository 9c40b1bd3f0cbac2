package io.skyport.container.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StreamType;
import io.skyport.container.ContainerLayout;
import io.skyport.container.net.GuestBridge;
import io.skyport.container.net.GuestBridges;
import io.skyport.container.net.HostCommands;
import io.skyport.plugin.HypervisorDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Docker engines as hypervisor hosts: one VM is one container ({@link ContainerLayout}).
 *
 * <p>Containers run their image's own command. They are created with a TTY and open stdin, as
 * {@code docker run -it} does, so an image whose command is an interactive shell (busybox,
 * alpine, debian: CMD ["/bin/sh"]) keeps running as a VM would, instead of exiting at once on
 * an empty stdin; images with a long-running service are unaffected. An image's own command is
 * never replaced, so what the container prints is what its image prints; only a root file system
 * imported from a tarball template, which has no command, starts its /sbin/init, as a system
 * container does ({@link ImageImport}).
 *
 * <p>Data volumes are named volumes mounted at fixed paths ({@link DockerVolumes}). Docker cannot
 * add a mount to a running container, so volumes attach and detach only while the VM is stopped.
 */
public class DockerDriver implements HypervisorDriver {
    public static final String TYPE = "Docker";
    private static final Logger LOG = LogManager.getLogger(DockerDriver.class);
    /** consoleOutput returns at most this much of the end of the log, as a serial console buffer would. */
    static final int CONSOLE_BYTES = 64 * 1024;
    private static final int CONSOLE_LINES = 2000;
    private static final long WAIT_SECONDS = 60;
    /** A container being removed is as good as gone: its VM cannot start it again. */
    private static final String REMOVING = "removing";

    private final DockerClients clients;
    private final ImageImport images = new ImageImport();
    private final DockerEvents events;
    private final GuestBridges bridges;

    public DockerDriver(DockerClients clients) {
        this(clients, new DockerEvents(clients));
    }

    public DockerDriver(DockerClients clients, DockerEvents events) {
        this(clients, events, new GuestBridges(HostCommands.local()));
    }

    public DockerDriver(DockerClients clients, DockerEvents events, GuestBridges bridges) {
        this.clients = clients;
        this.events = events;
        this.bridges = bridges;
    }

    @Override
    public String hypervisorType() {
        return TYPE;
    }

    private DockerClient docker(HostRef host) {
        return clients.client(DockerEndpoint.of(host));
    }

    /**
     * Pings the engine ({@code GET /_ping}) and reads its capacity. Failures are told as what to
     * fix: a bad certificate directory, a TLS mismatch, or an engine that does not answer.
     */
    @Override
    public HostCapacity connect(HostRef host) {
        DockerEndpoint endpoint = DockerEndpoint.of(host);
        try {
            clients.client(endpoint).pingCmd().exec();
            return hostCapacity(host);
        } catch (IllegalArgumentException badConfig) {
            throw badConfig;
        } catch (RuntimeException e) {
            throw new IllegalStateException(DockerTls.describe(endpoint, e), e);
        }
    }

    /** Container events of the host's Skyport containers, reported as they happen. */
    @Override
    public void watch(HostRef host, java.util.function.Consumer<String> instanceChanged) {
        events.watch(host, instanceChanged);
    }

    @Override
    public HostCapacity hostCapacity(HostRef host) {
        Info info = docker(host).infoCmd().exec();
        int cpus = info.getNCPU() == null ? 1 : info.getNCPU();
        long memory = info.getMemTotal() == null ? 0 : info.getMemTotal();
        return new HostCapacity(cpus, DockerEndpoint.of(host).cpuSpeedMhz(), memory);
    }

    /**
     * Creates the container (when it does not exist yet) with the seed files copied in, then
     * starts it. A container left from an earlier start gets the seed files again before it
     * starts, so user data and keys changed while the VM was stopped reach it at this start.
     */
    @Override
    public void start(HostRef host, VmSpec vm) {
        DockerEndpoint endpoint = DockerEndpoint.of(host);
        DockerClient docker = clients.client(endpoint);
        String name = ContainerLayout.containerName(vm.uuid());
        InspectContainerResponse existing = existing(docker, name);
        NicRef nic = guestNic(endpoint, vm);
        if (nic != null) {
            GuestBridge bridge = DockerGuestNetwork.bridgeOf(nic);
            bridges.ensure(bridge);
            DockerGuestNetwork.ensure(docker, bridge);
        }
        String id;
        if (existing == null) {
            id = create(docker, endpoint, vm, name, nic);
        } else {
            id = existing.getId();
            if (!Boolean.TRUE.equals(existing.getState().getRunning())) {
                copySeed(docker, id, vm);
                if (nic != null) {
                    DockerGuestNetwork.readdress(docker, existing, DockerGuestNetwork.bridgeOf(nic), nic);
                }
            }
        }
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            LOG.debug("container {} was already running", name);
        }
    }

    /** The VM's first guest NIC when the host bridges the guest network, else null (no network). */
    private static NicRef guestNic(DockerEndpoint endpoint, VmSpec vm) {
        return endpoint.bridged() && !vm.nics().isEmpty() ? vm.nics().get(0) : null;
    }

    /**
     * The VM's container, or null. A re-creation for new mounts interrupted after the old container
     * went but before its replacement took the name ({@link DockerVolumes#recreate}) is completed
     * here, so the VM keeps its root file system rather than getting a fresh container.
     */
    private static InspectContainerResponse existing(DockerClient docker, String name) {
        InspectContainerResponse found = inspect(docker, name);
        if (found != null) {
            return found;
        }
        InspectContainerResponse replacement = inspect(docker, DockerVolumes.replacementName(name));
        if (replacement == null) {
            return null;
        }
        LOG.warn("container {} was being replaced; its replacement takes its name", name);
        docker.renameContainerCmd(replacement.getId()).withName(name).exec();
        return inspect(docker, name);
    }

    private static InspectContainerResponse inspect(DockerClient docker, String name) {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static void copySeed(DockerClient docker, String id, VmSpec vm) {
        docker.copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(new ByteArrayInputStream(
                SeedArchive.of(vm, ContainerLayout.hostName(vm)))).exec();
    }

    private String create(DockerClient docker, DockerEndpoint endpoint, VmSpec vm, String name, NicRef nic) {
        if (vm.image() == null || vm.image().isBlank()) {
            throw new IllegalArgumentException("the template of VM " + vm.name() + " names no container image");
        }
        String[] command = ImageImport.command(images.ensure(clients.connection(endpoint), endpoint, vm));
        ContainerLayout.Limits limits = ContainerLayout.limits(vm);
        String hostName = ContainerLayout.hostName(vm);
        vm.volumes().forEach(v -> DockerVolumes.ensure(docker, v));
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withMounts(DockerVolumes.mounts(vm.volumes()))
                .withNanoCPUs(DockerLimits.nanoCpus(limits))
                .withCpuShares(DockerLimits.cpuShares(limits))
                .withMemory(limits.memoryBytes())
                .withPidsLimit(limits.pidsLimit())
                .withNetworkMode(nic == null ? endpoint.networkMode() : DockerGuestNetwork.bridgeOf(nic).dockerNetwork());
        CreateContainerCmd create = docker.createContainerCmd(vm.image());
        if (nic != null) {
            // the engine's own IPAM would pick any free address: the container gets the core's
            create.withIpv4Address(nic.address()).withMacAddress(nic.mac());
        }
        if (command != null) {
            create.withCmd(command);
        }
        String id = create
                .withName(name)
                .withHostName(hostName)
                .withLabels(ContainerLayout.labels(vm))
                .withTty(true)
                .withStdinOpen(true)
                .withHostConfig(hostConfig)
                .exec().getId();
        try {
            copySeed(docker, id, vm);
        } catch (RuntimeException e) {
            // a container without its keys and user data must not be started later by accident
            removeQuietly(docker, id);
            throw new IllegalStateException("could not copy user data and keys into container " + name + ": "
                    + e.getMessage(), e);
        }
        return id;
    }

    @Override
    public void stop(HostRef host, String vmUuid, boolean force) {
        DockerEndpoint endpoint = DockerEndpoint.of(host);
        DockerClient docker = clients.client(endpoint);
        String name = ContainerLayout.containerName(vmUuid);
        try {
            if (force) {
                docker.killContainerCmd(name).exec();
            } else {
                docker.stopContainerCmd(name).withTimeout(endpoint.stopTimeoutSeconds()).exec();
            }
        } catch (NotFoundException | NotModifiedException | ConflictException notRunning) {
            // already stopped or gone: the VM is stopped either way
            LOG.debug("stop of {}: {}", name, notRunning.getMessage());
        }
    }

    @Override
    public void reboot(HostRef host, String vmUuid) {
        DockerEndpoint endpoint = DockerEndpoint.of(host);
        clients.client(endpoint).restartContainerCmd(ContainerLayout.containerName(vmUuid))
                .withTimeout(endpoint.stopTimeoutSeconds()).exec();
    }

    /**
     * Removes the container with its anonymous volumes (named data volumes stay: they outlive the
     * VM), then the image it was committed to when its volumes changed, if any; a container already
     * gone is not an error.
     */
    @Override
    public void destroy(HostRef host, String vmUuid) {
        DockerClient docker = docker(host);
        try {
            docker.removeContainerCmd(ContainerLayout.containerName(vmUuid)).withForce(true)
                    .withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            LOG.debug("container of VM {} was already gone", vmUuid);
        }
        DockerVolumes.removeImage(docker, vmUuid);
    }

    @Override
    public boolean hostLocalVolumes() {
        return true;
    }

    @Override
    public boolean attachesVolumesWhileRunning() {
        return false;
    }

    /**
     * Makes the named volume, then, when the VM's (stopped) container exists, replaces it by one
     * that also mounts the volume. A VM without a container mounts it when its container is made.
     */
    @Override
    public void attachVolume(HostRef host, String vmUuid, VolumeRef volume) {
        DockerClient docker = docker(host);
        DockerVolumes.ensure(docker, volume);
        InspectContainerResponse existing = existing(docker, ContainerLayout.containerName(vmUuid));
        Mount mount = DockerVolumes.mount(volume);
        if (existing == null || DockerVolumes.mounted(existing.getHostConfig().getMounts(), mount)) {
            return;
        }
        DockerVolumes.recreate(docker, existing, DockerVolumes.with(existing.getHostConfig().getMounts(), mount));
    }

    /** Replaces the VM's (stopped) container by one without the volume's mount; the named volume stays. */
    @Override
    public void detachVolume(HostRef host, String vmUuid, VolumeRef volume) {
        DockerClient docker = docker(host);
        InspectContainerResponse existing = existing(docker, ContainerLayout.containerName(vmUuid));
        String name = ContainerLayout.volumeName(volume.uuid());
        if (existing == null || existing.getHostConfig().getMounts() == null
                || existing.getHostConfig().getMounts().stream().noneMatch(m -> name.equals(m.getSource()))) {
            return;
        }
        DockerVolumes.recreate(docker, existing, DockerVolumes.without(existing.getHostConfig().getMounts(), name));
    }

    @Override
    public void deleteVolume(HostRef host, VolumeRef volume) {
        DockerVolumes.delete(docker(host), volume);
    }

    private static void removeQuietly(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("could not remove half-made container {}: {}", id, e.getMessage());
        }
    }

    @Override
    public PowerState status(HostRef host, String vmUuid) {
        try {
            InspectContainerResponse.ContainerState state = docker(host)
                    .inspectContainerCmd(ContainerLayout.containerName(vmUuid)).exec().getState();
            if (REMOVING.equalsIgnoreCase(state.getStatus())) {
                return PowerState.MISSING;
            }
            return Boolean.TRUE.equals(state.getRunning()) ? PowerState.RUNNING : PowerState.STOPPED;
        } catch (NotFoundException e) {
            return PowerState.MISSING;
        }
    }

    @Override
    public Map<String, PowerState> list(HostRef host) {
        Map<String, PowerState> out = new HashMap<>();
        List<Container> containers = docker(host).listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ContainerLayout.VM_LABEL)).exec();
        for (Container c : containers) {
            String uuid = c.getLabels() == null ? null : c.getLabels().get(ContainerLayout.VM_LABEL);
            if (uuid != null) {
                out.put(uuid, "running".equalsIgnoreCase(c.getState()) ? PowerState.RUNNING
                        : REMOVING.equalsIgnoreCase(c.getState()) ? PowerState.MISSING : PowerState.STOPPED);
            }
        }
        return out;
    }

    /** The container's log (stdout and stderr), its last {@link #CONSOLE_BYTES} bytes. */
    @Override
    public String consoleOutput(HostRef host, String vmUuid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            docker(host).logContainerCmd(ContainerLayout.containerName(vmUuid)).withStdOut(true).withStdErr(true)
                    .withTail(CONSOLE_LINES).exec(new EngineStream<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.writeBytes(frame.getPayload());
                        }
                    }).await(WAIT_SECONDS);
        } catch (NotFoundException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tail(out.toByteArray());
    }

    static String tail(byte[] log) {
        int from = Math.max(0, log.length - CONSOLE_BYTES);
        return new String(log, from, log.length - from, StandardCharsets.UTF_8);
    }

    @Override
    public ExecResult exec(HostRef host, String vmUuid, List<String> command) {
        DockerClient docker = docker(host);
        String execId = docker.execCreateCmd(ContainerLayout.containerName(vmUuid)).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            docker.execStartCmd(execId).exec(new EngineStream<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
                }
            }).await(WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecResult(exit == null ? -1 : exit.intValue(), stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8));
    }

    /**
     * Containers join a guest network when the host bridges the zone's ({@code networking=bridge}) or
     * names a network of its own; otherwise they have no interface but lo.
     */
    @Override
    public boolean attachesGuestNetwork(HostRef host) {
        DockerEndpoint endpoint = DockerEndpoint.of(host);
        return endpoint.bridged() || endpoint.network() != null;
    }

    @Override
    public boolean reportsStats() {
        return true;
    }

    /**
     * One sample of the stats endpoint (the engine takes two readings for the CPU figure). A
     * container that is gone (removed while the collector's pass ran) throws, unlogged: the
     * collector skips that VM.
     */
    @Override
    public VmStats stats(HostRef host, String vmUuid) {
        Statistics[] sample = new Statistics[1];
        try {
            docker(host).statsCmd(ContainerLayout.containerName(vmUuid)).withNoStream(true)
                    .exec(new EngineStream<Statistics>() {
                        @Override
                        public void onNext(Statistics s) {
                            sample[0] = s;
                        }
                    }).await(WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sample[0] == null ? new VmStats(0, 0, 0) : ContainerStats.of(sample[0]);
    }
}
