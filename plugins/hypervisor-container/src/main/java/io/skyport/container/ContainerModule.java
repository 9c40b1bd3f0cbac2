package io.skyport.container;

import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerDriver;
import io.skyport.container.lxc.LxcDriver;
import io.skyport.container.lxc.LxdClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The container host module: Docker engines and LXD daemons as hypervisor hosts. */
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

    @Bean(destroyMethod = "close")
    public LxdClients lxdClients() {
        return new LxdClients();
    }

    @Bean
    public LxcDriver lxcDriver(LxdClients clients) {
        return new LxcDriver(clients);
    }
}
