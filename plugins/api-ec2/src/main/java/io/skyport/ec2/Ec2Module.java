package io.skyport.ec2;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.NicDao;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.metadata.ImdsEndpoint;
import io.skyport.ec2.metadata.ImdsInstances;
import io.skyport.ec2.metadata.ImdsTokens;
import io.skyport.ec2.service.InstanceMetadataOptions;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.core.settings.SettingService;
import io.skyport.core.ui.PanelFiles;
import io.skyport.ec2.auth.Ec2Authenticator;
import io.skyport.plugin.Role;
import io.skyport.plugin.Setting;
import io.skyport.plugin.UiPanel;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The EC2-compatible API module: the {@code /ec2} endpoint, its operations (one class each under
 * {@code io.skyport.ec2.action}, registered in the server's command catalog as API {@code ec2})
 * and its settings.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"io.skyport.ec2.action", "io.skyport.ec2.service", "io.skyport.ec2.view", "io.skyport.ec2.panel"})
public class Ec2Module {
    @Bean
    public Setting<String> ec2RegionSetting() {
        return Ec2Settings.REGION;
    }

    @Bean
    public Setting<Integer> ec2TerminatedVisibleSetting() {
        return Ec2Settings.TERMINATED_VISIBLE_MINUTES;
    }

    @Bean
    public Setting<Integer> ec2StateChangeWaitSetting() {
        return Ec2Settings.STATE_CHANGE_WAIT_MILLIS;
    }

    @Bean
    public Setting<String> ec2MetadataHttpTokensSetting() {
        return Ec2Settings.METADATA_HTTP_TOKENS;
    }

    @Bean
    public ImdsInstances ec2ImdsInstances(VmDao vms, AccountDao accounts, DomainDao domains, InstanceViews views,
                                          NicDao nics, SshKeyPairDao keys, SettingService settings) {
        return new ImdsInstances(vms, accounts, domains, views, nics, keys, settings);
    }

    /** The instance metadata service, served on the metadata listener. */
    @Bean
    public ImdsEndpoint ec2ImdsEndpoint(ImdsInstances instances, InstanceMetadataOptions options) {
        return new ImdsEndpoint(instances, new ImdsTokens(Clock.systemUTC()), options);
    }

    @Bean
    public Ec2Authenticator ec2Authenticator(IdentityService identity, SettingService settings) {
        return new Ec2Authenticator(identity, () -> settings.get(Ec2Settings.REGION), Clock.systemUTC());
    }

    @Bean
    public PanelFiles ec2PanelFiles() {
        return new PanelFiles("ec2", Ec2Module.class, "index.html", "panel.js");
    }

    /** The panel the web UI shows for this API (served at /ui/ec2/ until the UI shell hosts it). */
    @Bean
    public UiPanel ec2Panel() {
        return new UiPanel("ec2", "EC2 API", "/ui/ec2/panel.js", Role.USER);
    }

    @Bean
    public Ec2Endpoint ec2Endpoint(CommandCatalog catalog, Ec2Authenticator auth, MeterRegistry metrics,
                                   io.skyport.core.security.AuthThrottle throttle,
                                   io.skyport.core.event.AdminAudit audit) {
        return new Ec2Endpoint(catalog, auth, metrics, throttle, audit);
    }
}
