package io.skyport.gce;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.event.EventDao;
import io.skyport.core.event.EventService;
import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.job.AsyncJobDao;
import io.skyport.core.job.JobService;
import io.skyport.core.keypair.KeyPairService;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.network.NicDao;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.tag.TagService;
import io.skyport.core.ui.PanelFiles;
import io.skyport.core.vm.VmDao;
import io.skyport.core.volume.VolumeDao;
import io.skyport.gce.auth.CredentialDao;
import io.skyport.gce.auth.ServiceAccounts;
import io.skyport.gce.auth.TokenService;
import io.skyport.gce.service.Addresses;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.Descriptions;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.FirewallTargets;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.ProjectMetadata;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.gce.service.Projects;
import io.skyport.core.ui.PanelFiles;
import io.skyport.gce.panel.GceFirstStartSetup;
import io.skyport.gce.service.SshKeyItems;
import io.skyport.plugin.Role;
import io.skyport.plugin.UiPanel;
import java.time.Clock;
import io.skyport.gce.metadata.MetadataInstances;
import io.skyport.gce.metadata.MetadataServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The GCE-compatible API module: the {@code /compute/v1} endpoint with its discovery document,
 * batch and token endpoints, and its methods (one class each under {@code io.skyport.gce.method},
 * registered in the server's command catalog as API {@code gce}, named by their discovery id).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"io.skyport.gce.method", "io.skyport.gce.panel"})
public class GceModule {
    @Bean
    public Projects gceProjects(ExternalIdDao ids, AccountDao accounts) {
        return new Projects(ids, accounts);
    }

    @Bean
    public GceIds gceIds(ExternalIdDao ids) {
        return new GceIds(ids);
    }

    @Bean
    public Locations gceLocations(ZoneDao zones) {
        return new Locations(zones);
    }

    @Bean
    public Catalog gceCatalog(ServiceOfferingDao offerings, TemplateDao templates, NetworkDao networks, GceIds ids) {
        return new Catalog(offerings, templates, networks, ids);
    }

    @Bean
    public Operations gceOperations(JobService jobs, JdbcTemplate jdbc, ExternalIdDao ids, TransactionTemplate tx) {
        return new Operations(jobs, jdbc, ids, tx);
    }

    @Bean
    public FirewallTargets gceFirewallTargets(SecurityGroupDao groups, ResourceTagDao tags, VmDao vms,
                                              InstanceMetadata metadata) {
        return new FirewallTargets(groups, tags, vms, metadata);
    }

    @Bean
    public Firewalls gceFirewalls(SecurityGroupDao groups, SecurityGroupRuleDao rules, SecurityGroupService service,
                                  ResourceTagDao tagRows, TagService tags, TransactionTemplate tx, GceIds ids,
                                  FirewallTargets targets) {
        return new Firewalls(groups, rules, service, tagRows, tags, tx, ids, targets);
    }

    @Bean
    public Disks gceDisks(VolumeDao volumes, DiskOfferingDao offerings, VmDao vms, Locations locations, GceIds ids,
                          EventDao events, Descriptions descriptions) {
        return new Disks(volumes, offerings, vms, locations, ids, events, descriptions);
    }

    @Bean
    public Addresses gceAddresses(PublicIpDao ips, VmDao vms, ExternalIdDao names, Locations locations, GceIds ids,
                                  Descriptions descriptions) {
        return new Addresses(ips, vms, names, locations, ids, descriptions);
    }

    @Bean
    public InstanceMetadata gceInstanceMetadata(JdbcTemplate jdbc, EventService events) {
        return new InstanceMetadata(jdbc, events);
    }

    @Bean
    public ProjectMetadata gceProjectMetadata(JdbcTemplate jdbc) {
        return new ProjectMetadata(jdbc);
    }

    @Bean
    public Instances gceInstances(VmDao vms, Locations locations, Operations operations, GceIds ids) {
        return new Instances(vms, locations, operations, ids);
    }

    @Bean
    public InstanceViews gceInstanceViews(Catalog catalog, Locations locations, GceIds ids, NicDao nics,
                                          VolumeDao volumes, ResourceTagDao tags, AsyncJobDao jobs,
                                          InstanceMetadata metadata, PublicIpDao publicIps,
                                          Descriptions descriptions, VmDao vms) {
        return new InstanceViews(catalog, locations, ids, nics, volumes, tags, jobs, metadata, publicIps,
                descriptions, vms);
    }

    @Bean
    public MetadataInstances gceMetadataInstances(VmDao vms, AccountDao accounts, DomainDao domains,
                                                  InstanceViews views, Projects projects, GceIds ids, NicDao nics,
                                                  ProjectMetadata projectMetadata) {
        return new MetadataInstances(vms, accounts, domains, views, projects, ids, nics, projectMetadata);
    }

    /** The metadata server instances reach at 169.254.169.254, served on the metadata listener. */
    @Bean
    public MetadataServer gceMetadataServer(MetadataInstances instances) {
        return new MetadataServer(instances);
    }

    @Bean
    public SshKeyItems gceSshKeyItems(KeyPairService keypairs, SshKeyPairDao dao) {
        return new SshKeyItems(keypairs, dao);
    }

    @Bean
    public Descriptions gceDescriptions(JdbcTemplate jdbc, EventService events) {
        return new Descriptions(jdbc, events);
    }

    @Bean
    public CredentialDao gceCredentialDao(JdbcTemplate jdbc) {
        return new CredentialDao(jdbc);
    }

    @Bean
    public ServiceAccounts gceServiceAccounts(CredentialDao dao, IdentityService identity, Projects projects) {
        return new ServiceAccounts(dao, identity, projects);
    }

    @Bean
    public TokenService gceTokens(CredentialDao dao, IdentityService identity) {
        return new TokenService(dao, identity, Clock.systemUTC());
    }

    @Bean
    public GceDispatcher gceDispatcher(CommandCatalog catalog, Projects projects, Operations operations,
                                       MeterRegistry metrics, io.skyport.core.event.AdminAudit audit) {
        return new GceDispatcher(catalog, projects, operations, metrics, audit);
    }

    @Bean
    public PanelFiles gcePanelFiles() {
        return new PanelFiles("gce", GceModule.class, "index.html", "panel.js");
    }

    /** The panel the web UI shows for this API (served at /ui/gce/ until the UI shell hosts it). */
    @Bean
    public UiPanel gcePanel() {
        return new UiPanel("gce", "GCE API", "/ui/gce/panel.js", Role.USER);
    }

    @Bean
    public GceFirstStartSetup gceFirstStartSetup(ServiceAccounts accounts, Locations locations) {
        return new GceFirstStartSetup(accounts, locations);
    }

    @Bean
    public GceEndpoint gceEndpoint(GceDispatcher dispatcher, TokenService tokens,
                                   io.skyport.core.security.AuthThrottle throttle) {
        return new GceEndpoint(dispatcher, tokens, throttle);
    }
}
