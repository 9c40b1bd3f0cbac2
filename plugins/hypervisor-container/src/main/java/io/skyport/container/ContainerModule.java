package io.skyport.container;

import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The container host module: Docker engines as hypervisor hosts. */
@Configuration(proxyBeanMethods = false)
public class ContainerModule {
    @Bean(destroyMethod = "close")
    public DockerClients dockerClients() {
        return new DockerClients();
    }

    @Bean
    public DockerDriver dockerDriver(DockerClients clients) {
        return new DockerDriver(clients);
    }
}
