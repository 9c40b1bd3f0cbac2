package io.skyport.container.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.skyport.container.ContainerLayout;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Data volumes on a Docker engine: one named volume per Skyport volume
 * ({@link ContainerLayout#volumeName}, labelled with the volume's uuid), mounted in the VM's
 * container at {@link ContainerLayout#mountPath}.
 *
 * <p>A container's mounts are fixed when it is made. To give a stopped VM another set, its
 * container is committed to an image of its own ({@link #vmImage}), so the changes the VM made to
 * its root file system are kept, and a new container with the same settings and the new mounts is
 * made from that image before the old one is removed: a failure at any step leaves the old
 * container as it was. The VM's image goes with the VM ({@link DockerDriver#destroy}).
 */
final class DockerVolumes {
    private static final Logger LOG = LogManager.getLogger(DockerVolumes.class);
    private static final String NEXT_SUFFIX = "-next";

    private DockerVolumes() {
    }

    /** The temporary name of the container that replaces {@code name} while its mounts change. */
    static String replacementName(String name) {
        return name + NEXT_SUFFIX;
    }

    /** The image a VM's container is committed to when its mounts change. */
    static String vmImage(String vmUuid) {
        return ContainerLayout.PREFIX + "vm-" + vmUuid.toLowerCase(java.util.Locale.ROOT);
    }

    static Mount mount(VolumeRef v) {
        return new Mount().withType(MountType.VOLUME).withSource(ContainerLayout.volumeName(v.uuid()))
                .withTarget(ContainerLayout.mountPath(v.deviceId()));
    }

    static List<Mount> mounts(List<VolumeRef> volumes) {
        return volumes.stream().map(DockerVolumes::mount).toList();
    }

    /** The mounts with {@code added} in place of any mount of the same volume or at the same path. */
    static List<Mount> with(List<Mount> mounts, Mount added) {
        List<Mount> out = new ArrayList<>();
        for (Mount m : mounts == null ? List.<Mount>of() : mounts) {
            if (!Objects.equals(m.getSource(), added.getSource()) && !Objects.equals(m.getTarget(), added.getTarget())) {
                out.add(m);
            }
        }
        out.add(added);
        return out;
    }

    /** The mounts without any of the named volume. */
    static List<Mount> without(List<Mount> mounts, String volumeName) {
        return (mounts == null ? List.<Mount>of() : mounts).stream()
                .filter(m -> !volumeName.equals(m.getSource())).toList();
    }

    static boolean mounted(List<Mount> mounts, Mount wanted) {
        return mounts != null && mounts.stream().anyMatch(m -> Objects.equals(m.getSource(), wanted.getSource())
                && Objects.equals(m.getTarget(), wanted.getTarget()));
    }

    /** Creates the volume's named volume unless the engine has it. */
    static void ensure(DockerClient docker, VolumeRef v) {
        String name = ContainerLayout.volumeName(v.uuid());
        try {
            docker.inspectVolumeCmd(name).exec();
            return;
        } catch (NotFoundException missing) {
            // made below
        }
        docker.createVolumeCmd().withName(name).withLabels(Map.of(ContainerLayout.VOLUME_LABEL, v.uuid())).exec();
    }

    /** Removes the named volume; one already gone is not an error, one still mounted is. */
    static void delete(DockerClient docker, VolumeRef v) {
        String name = ContainerLayout.volumeName(v.uuid());
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            LOG.debug("named volume {} was already gone", name);
        } catch (ConflictException inUse) {
            throw new IllegalStateException("named volume " + name + " is still mounted by a container: "
                    + inUse.getMessage(), inUse);
        }
    }

    /**
     * Replaces a stopped container by one with other mounts and everything else kept (see the
     * class comment). The new container is made under a temporary name, then takes the old one's;
     * should that rename fail, the driver's next look for the container completes it.
     */
    static void recreate(DockerClient docker, InspectContainerResponse old, List<Mount> mounts) {
        if (Boolean.TRUE.equals(old.getState().getRunning())) {
            throw new IllegalStateException("container " + name(old) + " is running: a running container cannot "
                    + "gain or lose mounts; stop the VM first");
        }
        String name = name(old);
        String image = vmImage(old.getConfig().getLabels().getOrDefault(ContainerLayout.VM_LABEL, name));
        docker.commitCmd(old.getId()).withRepository(image).withTag("latest").exec();
        String next = create(docker, old, image, replacementName(name), mounts);
        try {
            docker.removeContainerCmd(old.getId()).exec();
        } catch (RuntimeException e) {
            removeQuietly(docker, next);
            throw new IllegalStateException("could not replace container " + name + ": " + e.getMessage(), e);
        }
        docker.renameContainerCmd(next).withName(name).exec();
    }

    private static String name(InspectContainerResponse c) {
        String n = c.getName();
        return n != null && n.startsWith("/") ? n.substring(1) : n;
    }

    /** A container like {@code old} (command, host name, labels, TTY, limits, network) from its committed image. */
    static String create(DockerClient docker, InspectContainerResponse old, String image, String name,
                         List<Mount> mounts) {
        ContainerConfig config = old.getConfig();
        HostConfig hostConfig = old.getHostConfig().withMounts(mounts);
        CreateContainerCmd create = docker.createContainerCmd(image).withName(name)
                .withHostName(config.getHostName())
                .withLabels(config.getLabels())
                .withTty(config.getTty())
                .withStdinOpen(config.getStdinOpen())
                .withHostConfig(hostConfig);
        if (config.getCmd() != null) {
            create.withCmd(config.getCmd());
        }
        if (config.getEntrypoint() != null) {
            create.withEntrypoint(config.getEntrypoint());
        }
        if (config.getEnv() != null) {
            create.withEnv(config.getEnv());
        }
        if (config.getWorkingDir() != null && !config.getWorkingDir().isEmpty()) {
            create.withWorkingDir(config.getWorkingDir());
        }
        return create.exec().getId();
    }

    /** Removes the VM's committed image, if it has one. */
    static void removeImage(DockerClient docker, String vmUuid) {
        try {
            docker.removeImageCmd(vmImage(vmUuid)).exec();
        } catch (NotFoundException none) {
            LOG.debug("VM {} has no committed image", vmUuid);
        }
    }

    private static void removeQuietly(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("could not remove container {}: {}", id, e.getMessage());
        }
    }
}
