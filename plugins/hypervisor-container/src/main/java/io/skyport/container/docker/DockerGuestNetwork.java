package io.skyport.container.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import io.skyport.container.net.GuestBridge;
import io.skyport.plugin.HypervisorDriver.NicRef;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The engine's view of a guest network: a user-defined bridge network on the guest bridge the
 * driver made (the engine adopts an existing bridge of that name and leaves it when the network is
 * removed), with the network's subnet and gateway, so a container gets exactly the core's address.
 */
final class DockerGuestNetwork {
    private static final Logger LOG = LogManager.getLogger(DockerGuestNetwork.class);
    static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";

    private DockerGuestNetwork() {
    }

    static GuestBridge bridgeOf(NicRef nic) {
        return GuestBridge.of(nic.networkUuid(), nic.networkCidr(), nic.gateway());
    }

    /** Creates the engine's network on the bridge unless it exists; a concurrent creation is as good. */
    static synchronized void ensure(DockerClient docker, GuestBridge b) {
        try {
            docker.inspectNetworkCmd().withNetworkId(b.dockerNetwork()).exec();
            return;
        } catch (NotFoundException missing) {
            // made below
        }
        try {
            docker.createNetworkCmd().withName(b.dockerNetwork()).withDriver("bridge")
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(b.cidr())
                            .withGateway(b.gateway())))
                    .withOptions(Map.of(BRIDGE_NAME_OPTION, b.name()))
                    .withLabels(Map.of("skyport.network", b.networkUuid()))
                    .withCheckDuplicate(true).exec();
            LOG.info("created Docker network {} on bridge {} ({})", b.dockerNetwork(), b.name(), b.cidr());
        } catch (ConflictException exists) {
            LOG.debug("Docker network {} was made meanwhile", b.dockerNetwork());
        }
    }

    /** The endpoint a new container gets on the network: the core's address and MAC. */
    static ContainerNetwork endpoint(NicRef nic) {
        return new ContainerNetwork().withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(nic.address()))
                .withMacAddress(nic.mac());
    }

    /**
     * A container made earlier keeps its endpoint; when the core gave the VM another address since
     * (it ran elsewhere without a network, then came back), the endpoint is made again with it.
     */
    static void readdress(DockerClient docker, InspectContainerResponse existing, GuestBridge b, NicRef nic) {
        Map<String, ContainerNetwork> networks = existing.getNetworkSettings() == null ? Map.of()
                : existing.getNetworkSettings().getNetworks();
        ContainerNetwork now = networks == null ? null : networks.get(b.dockerNetwork());
        if (now != null && nic.address().equals(now.getIpAddress())) {
            return;
        }
        if (now != null) {
            docker.disconnectFromNetworkCmd().withNetworkId(b.dockerNetwork()).withContainerId(existing.getId())
                    .withForce(true).exec();
        }
        if (networks != null && networks.containsKey("none")) {
            docker.disconnectFromNetworkCmd().withNetworkId("none").withContainerId(existing.getId()).exec();
        }
        docker.connectToNetworkCmd().withNetworkId(b.dockerNetwork()).withContainerId(existing.getId())
                .withContainerNetwork(endpoint(nic)).exec();
    }
}
