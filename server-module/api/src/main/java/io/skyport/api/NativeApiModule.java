package io.skyport.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.api.auth.NativeAuthenticator;
import io.skyport.api.view.ComputeViews;
import io.skyport.api.view.ViewFactory;
import io.skyport.api.view.VmViewFactory;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.identity.UserDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.network.NicDao;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.ParamBinder;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.job.JobService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.VmDao;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The native API module: the /client/api endpoint and the built-in commands. */
@Configuration(proxyBeanMethods = false)
@ComponentScan("io.skyport.api.command")
public class NativeApiModule {
    @Bean
    public NativeAuthenticator nativeAuthenticator(IdentityService identity, SettingService settings) {
        return new NativeAuthenticator(identity, settings);
    }

    @Bean
    public ViewFactory viewFactory(IdentityService identity, ResourceCounter counter, VmDao vms) {
        return new ViewFactory(identity, counter, vms);
    }

    @Bean
    public ComputeViews computeViews(ViewFactory views, ZoneDao zoneDao, HostDao hostDao, ServiceOfferingDao offerings,
                                     TemplateDao templates, OsTypeDao osTypes, NetworkDao networks, NicDao nics,
                                     SecurityGroupDao groups, UserDao users, ResourceTagDao tags,
                                     io.skyport.core.vm.VmStatsCollector stats) {
        return new ComputeViews(new VmViewFactory.Sources(views, zoneDao, hostDao, offerings, templates, osTypes,
                networks, nics, groups, users, tags, stats));
    }

    @Bean
    public NativeJobs nativeJobs(JobService jobs) {
        return new NativeJobs(jobs);
    }

    @Bean
    public NativeApiEndpoint nativeApiEndpoint(CommandCatalog catalog, ParamBinder binder, NativeAuthenticator auth,
                                               MeterRegistry metrics, io.skyport.core.security.AuthThrottle throttle,
                                               io.skyport.core.event.AdminAudit audit) {
        return new NativeApiEndpoint(catalog, binder, auth, metrics, throttle, audit);
    }
}
