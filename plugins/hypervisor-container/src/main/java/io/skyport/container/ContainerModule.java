package io.skyport.container;

import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerDiscovery;
import io.skyport.container.docker.DockerDriver;
import io.skyport.container.docker.DockerEvents;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ZoneDao;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The container host module: Docker engines as hypervisor hosts, watched for container events, discovered at first start. */
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
}
