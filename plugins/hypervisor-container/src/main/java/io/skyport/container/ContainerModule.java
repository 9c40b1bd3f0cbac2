package io.skyport.container;

import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerDiscovery;
import io.skyport.container.docker.DockerDriver;
import io.skyport.container.docker.DockerEvents;
import io.skyport.container.lxc.LxcDriver;
import io.skyport.container.lxc.LxdClients;
import io.skyport.container.lxc.LxdEvents;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.ui.PanelFiles;
import io.skyport.plugin.Role;
import io.skyport.plugin.UiPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The container host module: Docker engines (watched for container events, the local one
 * discovered at first start) and LXD daemons (watched for lifecycle events) as hypervisor hosts, and the admin panel of
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

    @Bean
    public DockerDriver dockerDriver(DockerClients clients, DockerEvents events) {
        return new DockerDriver(clients, events);
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

    @Bean(destroyMethod = "close")
    public LxdEvents lxdEvents() {
        return new LxdEvents();
    }

    @Bean
    public LxcDriver lxcDriver(LxdClients clients, LxdEvents events) {
        return new LxcDriver(clients, events);
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
