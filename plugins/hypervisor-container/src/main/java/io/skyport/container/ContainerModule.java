package io.skyport.container;

import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerDiscovery;
import io.skyport.container.docker.DockerDriver;
import io.skyport.container.docker.DockerEvents;
import io.skyport.container.lxc.LxcDriver;
import io.skyport.container.lxc.LxdClients;
import io.skyport.container.net.GuestBridges;
import io.skyport.container.net.GuestFirewall;
import io.skyport.container.net.HostCommands;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.event.EventService;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.network.NicDao;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.VmDao;
import io.skyport.core.ui.PanelFiles;
import io.skyport.plugin.Role;
import io.skyport.plugin.UiPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The container host module: Docker engines (watched for container events, the local one
 * discovered at first start) and LXD daemons as hypervisor hosts, and the admin panel of
 * container hosts.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerModule {
    @Bean(destroyMethod = "close")
    public DockerClients dockerClients() {
        return new DockerClients();
    }

    @Bean(destroyMethod = "close")
    public DockerEvents dockerEvents(DockerClients clients) {
        return new DockerEvents(clients);
    }

    /** Guest bridges on this machine, shared by both drivers (a network's bridge serves Docker and LXD alike). */
    @Bean
    public GuestBridges guestBridges() {
        return new GuestBridges(HostCommands.local());
    }

    @Bean
    public DockerDriver dockerDriver(DockerClients clients, DockerEvents events, GuestBridges bridges) {
        return new DockerDriver(clients, events, bridges);
    }

    /** Security groups of bridged container hosts, enforced with nftables (see {@link GuestFirewall}). */
    @Bean(destroyMethod = "close")
    public GuestFirewall guestFirewall(HostDao hosts, VmDao vms, NicDao nics, NetworkDao networks,
                                       SecurityGroupDao groups, SecurityGroupRuleDao rules, SettingService settings,
                                       EventService events, ServerConfig config, GuestBridges bridges) {
        return new GuestFirewall(hosts, vms, nics, networks, groups, rules, settings, events, config, bridges,
                HostCommands.local());
    }

    @Bean
    public DockerDiscovery dockerDiscovery(DockerDriver driver, InfraService infra, ZoneDao zones, PodDao pods,
                                           ClusterDao clusters, HostDao hosts, ServerConfig config) {
        return new DockerDiscovery(driver, infra, zones, pods, clusters, hosts, config);
    }

    @Bean(destroyMethod = "close")
    public LxdClients lxdClients() {
        return new LxdClients();
    }

    @Bean
    public LxcDriver lxcDriver(LxdClients clients, GuestBridges bridges) {
        return new LxcDriver(clients, bridges);
    }

    @Bean
    public PanelFiles containerPanelFiles() {
        return new PanelFiles("containers", ContainerModule.class, "index.html", "panel.js", "panel.css");
    }

    /**
     * Container hosts (every hypervisor type the panel lists: Docker, LXC) with capacity and
     * health, their containers and a container's log; read through the native API only.
     */
    @Bean
    public UiPanel containerPanel() {
        return new UiPanel("containers", "Container hosts", "/ui/containers/panel.js", Role.ADMIN);
    }
}
