package io.skyport.core.vm;

import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.identity.Visibility;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.EntityResolver;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * UUID resolution for compute entities. Infrastructure is visible to administrators only
 * (zones, offerings and public templates to everyone); tenant resources to their owners and
 * the admins above them. Anything else resolves to empty, exactly like an unknown id.
 */
@Configuration(proxyBeanMethods = false)
public class ComputeResolvers {
    private final DomainDao domains;

    public ComputeResolvers(DomainDao domains) {
        this.domains = domains;
    }

    /** True when the caller may see a resource of this account in this domain. */
    public boolean owns(CallContext caller, long accountId, long domainId) {
        Visibility v = Visibility.of(caller);
        if (v.onlyAccountId() != null) {
            return v.onlyAccountId() == accountId;
        }
        return domains.findById(domainId).map(d -> v.sees(accountId, d.path())).orElse(false);
    }

    @Bean
    public EntityResolver zoneResolver(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao) {
        return EntityResolver.of("zone", (uuid, caller) -> zoneDao.zoneByUuid(uuid).map(z -> z.id()));
    }

    @Bean
    public EntityResolver podResolver(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao) {
        return EntityResolver.of("pod", (uuid, caller) -> adminOnly(caller, podDao.pods(null, null, null).stream()
                .filter(p -> p.uuid().equals(uuid)).findFirst().map(p -> p.id())));
    }

    @Bean
    public EntityResolver clusterResolver(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao) {
        return EntityResolver.of("cluster", (uuid, caller) -> adminOnly(caller,
                clusterDao.clusters(null, null, null, null, null).stream().filter(c -> c.uuid().equals(uuid)).findFirst()
                        .map(c -> c.id())));
    }

    @Bean
    public EntityResolver hostResolver(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao) {
        return EntityResolver.of("host", (uuid, caller) -> adminOnly(caller,
                hostDao.hosts(null, null, null, null, null, null).stream().filter(h -> h.uuid().equals(uuid))
                        .findFirst().map(h -> h.id())));
    }

    @Bean
    public EntityResolver serviceOfferingResolver(ServiceOfferingDao dao) {
        return EntityResolver.of("serviceoffering", (uuid, caller) -> dao.findByUuid(uuid).map(o -> o.id()));
    }

    @Bean
    public EntityResolver diskOfferingResolver(DiskOfferingDao dao) {
        return EntityResolver.of("diskoffering", (uuid, caller) -> dao.findByUuid(uuid).map(o -> o.id()));
    }

    @Bean
    public EntityResolver templateResolver(TemplateDao dao) {
        return EntityResolver.of("template", (uuid, caller) -> dao.findByUuid(uuid)
                .filter(t -> t.isPublic() || caller.isAdmin() || t.accountId() == caller.accountId()).map(t -> t.id()));
    }

    @Bean
    public EntityResolver osTypeResolver(io.skyport.core.catalog.OsTypeDao dao) {
        return EntityResolver.of("ostype", (uuid, caller) -> dao.osTypeByUuid(uuid).map(o -> o.id()));
    }

    @Bean
    public EntityResolver networkResolver(NetworkDao dao) {
        return EntityResolver.of("network", (uuid, caller) -> dao.findByUuid(uuid)
                .filter(n -> n.accountId() == null || caller.isAdmin() || n.accountId() == caller.accountId())
                .map(n -> n.id()));
    }

    @Bean
    public EntityResolver vmResolver(VmDao dao) {
        return EntityResolver.of("vm", (uuid, caller) -> dao.findByUuid(uuid)
                .filter(vm -> owns(caller, vm.accountId(), vm.domainId())).map(vm -> vm.id()));
    }

    @Bean
    public EntityResolver securityGroupResolver(SecurityGroupDao dao) {
        return EntityResolver.of("securitygroup", (uuid, caller) -> dao.findByUuid(uuid)
                .filter(g -> owns(caller, g.accountId(), g.domainId())).map(g -> g.id()));
    }

    @Bean
    public EntityResolver securityGroupRuleResolver(io.skyport.core.securitygroup.SecurityGroupRuleDao rules,
                                                    SecurityGroupDao groups) {
        return EntityResolver.of("securitygrouprule", (uuid, caller) -> rules.findByUuid(uuid)
                .filter(r -> groups.find(r.groupId()).map(g -> owns(caller, g.accountId(), g.domainId())).orElse(false))
                .map(r -> r.id()));
    }

    @Bean
    public EntityResolver publicIpResolver(io.skyport.core.publicip.PublicIpDao ips) {
        return EntityResolver.of("publicip", (uuid, caller) -> ips.findByUuid(uuid)
                .filter(ip -> ip.accountId() != null && ip.domainId() != null
                        && owns(caller, ip.accountId(), ip.domainId()))
                .map(ip -> ip.id()));
    }

    @Bean
    public EntityResolver volumeResolver(io.skyport.core.volume.VolumeDao volumes) {
        return EntityResolver.of("volume", (uuid, caller) -> volumes.findByUuid(uuid)
                .filter(v -> owns(caller, v.accountId(), v.domainId())).map(v -> v.id()));
    }

    private static Optional<Long> adminOnly(CallContext caller, Optional<Long> id) {
        return caller.isAdmin() ? id : Optional.empty();
    }
}
