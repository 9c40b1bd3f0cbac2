package io.skyport.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import io.skyport.container.ContainerLayout;
import io.skyport.container.docker.DockerLimits;
import io.skyport.container.docker.SeedArchive;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * The baseline: the engine's own API through docker-java, doing what a careful user would do by
 * hand for the same result: check the image, create the container with the same limits, copy the
 * same user data and key files in, start it; then remove it with one forced remove with its
 * volumes (the engine kills it first), as the driver does for a destroy with expunge.
 */
final class RawDockerSide implements EngineSide {
    static final String LABEL = "skyport.bench";

    private final DockerClient docker;
    private final String image;

    RawDockerSide(DockerClient docker, String image) {
        this.docker = docker;
        this.image = image;
    }

    @Override
    public String name() {
        return "engine API (docker-java)";
    }

    @Override
    public String daemon() {
        Info info = docker.infoCmd().exec();
        return "Docker engine " + info.getServerVersion() + " (storage driver " + info.getDriver() + ")";
    }

    @Override
    public String create(String name) {
        VmSpec spec = ContainerBench.benchVm(name, image);
        docker.inspectImageCmd(image).exec();
        ContainerLayout.Limits limits = ContainerLayout.limits(spec);
        String id = docker.createContainerCmd(image).withName(name).withHostName(name)
                .withLabels(Map.of(LABEL, "raw"))
                .withTty(true).withStdinOpen(true)
                .withHostConfig(HostConfig.newHostConfig().withNanoCPUs(DockerLimits.nanoCpus(limits))
                        .withCpuShares(DockerLimits.cpuShares(limits)).withMemory(limits.memoryBytes())
                        .withPidsLimit(limits.pidsLimit()).withNetworkMode("none"))
                .exec().getId();
        docker.copyArchiveToContainerCmd(id).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(SeedArchive.of(spec, name))).exec();
        docker.startContainerCmd(id).exec();
        return name;
    }

    @Override
    public void remove(String handle) {
        delete(handle);
    }

    @Override
    public void kill(String handle) {
        docker.killContainerCmd(handle).exec();
    }

    @Override
    public void delete(String handle) {
        docker.removeContainerCmd(handle).withForce(true).withRemoveVolumes(true).exec();
    }

    @Override
    public String containerName(String handle) {
        return handle;
    }

    @Override
    public boolean exists(String container) {
        try {
            docker.inspectContainerCmd(container).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public boolean running(String container) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(container).exec().getState().getRunning());
    }
}
