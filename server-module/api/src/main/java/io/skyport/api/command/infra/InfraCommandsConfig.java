package io.skyport.api.command.infra;

import io.skyport.api.view.ViewFactory;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.publicip.VlanIpRangeDao;
import io.skyport.plugin.Setting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the infrastructure and catalog commands: their views and the region setting. */
@Configuration(proxyBeanMethods = false)
public class InfraCommandsConfig {
    public static final Setting<String> REGION_NAME = Setting.string("region.name", "Local",
            "Name of the region this management server answers for in listRegions", "Advanced",
            Setting.Scope.GLOBAL);

    @Bean
    public Setting<String> regionNameSetting() {
        return REGION_NAME;
    }

    @Bean
    public InfraViews infraViews(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao,
                                 OsTypeDao osTypes, ViewFactory views, VlanIpRangeDao ranges, ManagementNode node,
                                 DomainDao domains) {
        return new InfraViews(zoneDao, podDao, clusterDao, hostDao, osTypes, views, ranges, node, domains);
    }
}
