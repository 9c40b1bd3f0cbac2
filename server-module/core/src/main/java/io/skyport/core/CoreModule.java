package io.skyport.core;

import com.zaxxer.hikari.HikariDataSource;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.db.DatabaseFactory;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.PrincipalDao;
import io.skyport.core.identity.SessionDao;
import io.skyport.core.identity.UserDao;
import io.skyport.core.identity.Visibility;
import io.skyport.core.job.AsyncJobDao;
import io.skyport.core.job.JobService;
import io.skyport.core.dispatch.ParamBinder;
import io.skyport.core.module.ModuleRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.security.AuthThrottle;
import io.skyport.core.security.PasswordHasher;
import io.skyport.core.security.SecretCipher;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.EntityResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The core module: storage, identity, settings, events, node registration. */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"io.skyport.core.infra", "io.skyport.core.catalog", "io.skyport.core.network", "io.skyport.core.vm",
        "io.skyport.core.volume", "io.skyport.core.securitygroup", "io.skyport.core.keypair", "io.skyport.core.resource",
        "io.skyport.core.tag", "io.skyport.core.publicip", "io.skyport.core.event", "io.skyport.core.extid"})
public class CoreModule {
    public static final String VERSION = "0.1.0";

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(ServerConfig config) {
        return DatabaseFactory.open(config);
    }

    @Bean
    public JdbcTemplate jdbcTemplate(HikariDataSource ds) {
        return new JdbcTemplate(ds);
    }

    @Bean
    public DataSourceTransactionManager transactionManager(HikariDataSource ds) {
        return new DataSourceTransactionManager(ds);
    }

    @Bean
    public TransactionTemplate transactionTemplate(DataSourceTransactionManager tm) {
        return new TransactionTemplate(tm);
    }

    @Bean
    public SecretCipher secretCipher(ServerConfig config) {
        return SecretCipher.fromConfig(config);
    }

    @Bean
    public io.skyport.core.security.SecretsAtRest secretsAtRest(JdbcTemplate jdbc, SecretCipher cipher) {
        return new io.skyport.core.security.SecretsAtRest(jdbc, cipher);
    }

    /** Failed-authentication throttling shared by every API; {@code skyport.auth.throttle=off} disables it. */
    @Bean
    public AuthThrottle authThrottle(SettingService settings, MeterRegistry metrics, ServerConfig config) {
        return new AuthThrottle(settings, metrics, java.time.Clock.systemUTC(),
                !"off".equalsIgnoreCase(config.get("skyport.auth.throttle", "on")));
    }

    /** What every API panel shares: its style sheet and the native API session script. */
    @Bean
    public io.skyport.core.ui.PanelFiles sharedPanelFiles() {
        return new io.skyport.core.ui.PanelFiles("shared", CoreModule.class, "panel.css", "session.js");
    }

    /** The web UI shell at /client, from the ui-extension jar on the server's class path. */
    @Bean
    public io.skyport.core.ui.ClientFiles clientFiles() {
        return new io.skyport.core.ui.ClientFiles(CoreModule.class.getClassLoader());
    }

    @Bean
    public EventService eventService(JdbcTemplate jdbc) {
        return new EventService(jdbc);
    }

    @Bean
    public io.skyport.core.event.AdminAudit adminAudit(EventService events) {
        return new io.skyport.core.event.AdminAudit(events);
    }

    @Bean
    public SettingService settingService(JdbcTemplate jdbc, EventService events) {
        return new SettingService(jdbc, events);
    }

    @Bean
    public DomainDao domainDao(JdbcTemplate jdbc) {
        return new DomainDao(jdbc);
    }

    @Bean
    public AccountDao accountDao(JdbcTemplate jdbc) {
        return new AccountDao(jdbc);
    }

    @Bean
    public UserDao userDao(JdbcTemplate jdbc) {
        return new UserDao(jdbc);
    }

    @Bean
    public SessionDao sessionDao(JdbcTemplate jdbc) {
        return new SessionDao(jdbc);
    }

    @Bean
    public PrincipalDao principalDao(JdbcTemplate jdbc) {
        return new PrincipalDao(jdbc);
    }

    @Bean
    public IdentityService identityService(DomainDao d, AccountDao a, UserDao u, SessionDao s, PrincipalDao p,
                                           SecretCipher cipher, EventService events, TransactionTemplate tx) {
        return new IdentityService(d, a, u, s, p, new PasswordHasher(), cipher, events, tx);
    }

    @Bean(destroyMethod = "close")
    public ManagementNode managementNode(JdbcTemplate jdbc, ServerConfig config, EventService events) {
        // shorter beats and leases make takeover faster (tests use a few seconds); the defaults suit a data center
        ManagementNode node = new ManagementNode(jdbc, nodeId(config), VERSION,
                java.time.Duration.ofMillis(config.getInt("skyport.cluster.heartbeat.ms",
                        (int) ManagementNode.HEARTBEAT.toMillis())),
                java.time.Duration.ofMillis(config.getInt("skyport.cluster.lease.ms",
                        (int) ManagementNode.LEASE.toMillis())));
        // the node that adds a host monitors it from the start, not from its next beat
        events.subscribe(e -> {
            if ("HOST.ADD".equals(e.type()) && e.resourceUuid() != null) {
                node.claimHost(e.resourceUuid());
            }
        });
        return node;
    }

    /** The node id is configured, or generated once and kept in the home directory. */
    static String nodeId(ServerConfig config) {
        String configured = config.nodeId();
        if (configured != null) {
            return configured;
        }
        Path file = config.home().resolve("node.id");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(config.home());
                Files.writeString(file, UUID.randomUUID().toString());
            }
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }

    @Bean
    public AsyncJobDao asyncJobDao(JdbcTemplate jdbc) {
        return new AsyncJobDao(jdbc);
    }

    @Bean(destroyMethod = "close")
    public JobService jobService(AsyncJobDao dao, ManagementNode node, MeterRegistry metrics, ServerConfig config) {
        return new JobService(dao, node, metrics, config.jobThreads());
    }

    @Bean
    public ParamBinder paramBinder(ModuleRegistry registry) {
        return new ParamBinder(registry);
    }

    @Bean
    public EntityResolver domainResolver(IdentityService identity) {
        return EntityResolver.of("domain", (uuid, caller) -> identity.domains().findByUuid(uuid)
                .filter(d -> caller.isAdmin() || Visibility.of(caller).sees(-1, d.path())
                        || d.path().equals(caller.domainPath()))
                .map(d -> d.id()));
    }

    @Bean
    public EntityResolver accountResolver(IdentityService identity) {
        return EntityResolver.of("account", (uuid, caller) -> identity.accounts().findByUuid(uuid)
                .filter(a -> identity.domains().findById(a.domainId())
                        .map(d -> Visibility.of(caller).sees(a.id(), d.path())).orElse(false))
                .map(a -> a.id()));
    }

    @Bean
    public EntityResolver userResolver(IdentityService identity) {
        return EntityResolver.of("user", (uuid, caller) -> identity.users().findByUuid(uuid)
                .filter(u -> u.id() == caller.userId() || identity.accounts().findById(u.accountId())
                        .flatMap(a -> identity.domains().findById(a.domainId())
                                .map(d -> Visibility.of(caller).sees(a.id(), d.path()))).orElse(false))
                .map(u -> u.id()));
    }
}
