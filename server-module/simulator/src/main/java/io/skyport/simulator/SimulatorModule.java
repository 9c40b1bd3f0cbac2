package io.skyport.simulator;

import io.skyport.core.config.ServerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The simulator module: the Simulator hypervisor, its fault-injection command and the demo zone. */
@Configuration(proxyBeanMethods = false)
@ComponentScan("io.skyport.simulator.command")
public class SimulatorModule {
    @Bean
    public SimulatorFaults simulatorFaults() {
        return new SimulatorFaults();
    }

    @Bean
    public SimulatorDriver simulatorDriver(JdbcTemplate jdbc, SimulatorFaults faults) {
        return new SimulatorDriver(jdbc, faults);
    }

    @Bean
    public DemoZone demoZone(io.skyport.core.infra.ZoneDao zoneDao, io.skyport.core.infra.InfraService infraService,
                             io.skyport.core.catalog.CatalogService catalog, io.skyport.core.catalog.OsTypeDao osTypes,
                             io.skyport.core.publicip.PublicIpDao publicIps, ServerConfig config) {
        return new DemoZone(zoneDao, infraService, catalog, osTypes, publicIps,
                Boolean.parseBoolean(config.get("skyport.demo.zone", "true")));
    }
}
