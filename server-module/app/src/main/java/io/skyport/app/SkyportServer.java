package io.skyport.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.job.JobService;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.network.MetadataCallers;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.VmReconciler;
import io.skyport.plugin.FirstStartClientSetup;
import io.skyport.plugin.StartupHook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * One management server: root context, module contexts, first-start bootstrap (admin account and
 * the cs client configuration), job recovery and the HTTP listener. {@link #start()} returns once
 * the server answers; {@link #close()} drains requests and jobs before it lets go of the database.
 */
public final class SkyportServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(SkyportServer.class);

    private static final String API_CONNECTOR = "api";
    private static final String METADATA_CONNECTOR = "metadata";

    private final ServerConfig config;
    private final List<AnnotationConfigApplicationContext> modules = new ArrayList<>();
    private AnnotationConfigApplicationContext root;
    private Server jetty;
    private IdentityService.Bootstrap bootstrap;
    private Path clientConfig;
    private Path awsConfig;
    private final List<String> clientSetupLines = new ArrayList<>();
    private volatile boolean running;

    public SkyportServer(ServerConfig config) {
        this.config = config;
    }

    public SkyportServer start() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(prometheus);
        new JvmThreadMetrics().bindTo(prometheus);
        new ProcessorMetrics().bindTo(prometheus);
        root = new AnnotationConfigApplicationContext();
        root.setDisplayName("skyport root");
        root.getBeanFactory().registerSingleton("serverConfig", config);
        root.getBeanFactory().registerSingleton("moduleRegistry", new ModuleRegistry());
        root.getBeanFactory().registerSingleton("commandCatalog", new CommandCatalog());
        root.getBeanFactory().registerSingleton("meterRegistry", prometheus);
        root.refresh();
        try {
            ModuleLoader loader = new ModuleLoader(getClass().getClassLoader());
            modules.addAll(loader.load(root, loader.discover()));
            AnnotationConfigApplicationContext core = modules.get(0);
            // before anything reads a stored secret: a wrong key must stop the start, not garble logins
            core.getBean(io.skyport.core.security.SecretsAtRest.class).verify();
            bootstrap = core.getBean(IdentityService.class).bootstrap(config.get("skyport.admin.password", null));
            startHttp(prometheus, core);
            config.boundPort(port());
            if (bootstrap.created()) {
                // the port is known only now that the listener is up
                clientConfig = ClientConfigWriter.write(config.home(), config.publicUrl(port()) + "/client/api",
                        bootstrap).orElse(null);
                SettingService settings = core.getBean(SettingService.class);
                // the EC2 module declares its region setting; without the module there is nothing to configure
                settings.find("ec2.region").ifPresent(region -> awsConfig = ClientConfigWriter.writeAws(config.home(),
                        config.publicUrl(port()) + "/ec2", String.valueOf(settings.get(region)), bootstrap)
                        .orElse(null));
            }
            ManagementNode node = core.getBean(ManagementNode.class);
            node.start(config.bindAddress() + ":" + port());
            recoverJobs(core, node);
            core.getBean(VmReconciler.class).reconcile();
            for (StartupHook hook : root.getBean(ModuleRegistry.class).startupHooks()) {
                hook.serverStarted();
            }
            if (bootstrap.created()) {
                writeModuleClientSetups(core);
            }
            core.getBean(VmReconciler.class).startBackgroundWork(node);
            running = true;
            return this;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void recoverJobs(AnnotationConfigApplicationContext core, ManagementNode node) {
        JobService jobs = core.getBean(JobService.class);
        jobs.recoverJobsOf(node.id(), "The management server restarted before the job finished");
        for (long dead : node.deadPeers()) {
            jobs.recoverJobsOf(dead, "The management server running the job stopped responding");
        }
    }

    private void startHttp(PrometheusMeterRegistry prometheus, AnnotationConfigApplicationContext core)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(config.httpThreads(), 4);
        threads.setName("skyport-http");
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // hard ceilings of the listener; the admin's limits (settings api.request.max.*) are checked below them
        http.setRequestHeaderSize(config.getInt("skyport.http.max.header.bytes", 64 * 1024));
        ServerConnector connector = TlsListener.connector(jetty, config, http);
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setMaxFormContentSize(config.getInt("skyport.http.max.form.bytes", 16 * 1024 * 1024));
        context.setMaxFormKeys(1000);
        DataSource ds = core.getBean(DataSource.class);
        ManagementNode node = core.getBean(ManagementNode.class);
        // not ready while the heartbeat cannot reach the database: a balancer sends the calls elsewhere
        HttpRouter router = new HttpRouter(root.getBean(ModuleRegistry.class), core.getBean(SettingService.class),
                prometheus, () -> running && node.ready() && databaseUp(ds));
        context.addServlet(new ServletHolder("router", router), "/*");
        connector.setName(API_CONNECTOR);
        context.setVirtualHosts(List.of("@" + API_CONNECTOR));
        ContextHandlerCollection contexts = new ContextHandlerCollection(context);
        Optional<ServerConnector> metadata = addMetadataContext(core, contexts);
        GracefulHandler graceful = new GracefulHandler(contexts);
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new QuietErrorHandler(router::endpointForRawPath));
        jetty.setStopTimeout(15_000);
        jetty.start();
        metadata.ifPresent(this::openMetadataListener);
    }

    /**
     * Opens the metadata listener once the API is up. A port another process holds (a second
     * management server on the machine) costs the metadata service, not the server: the error is
     * logged and the API serves on.
     */
    private void openMetadataListener(ServerConnector connector) {
        try {
            jetty.addConnector(connector);
            if (!connector.isStarted()) {
                connector.start();
            }
            config.boundMetadataPort(connector.getLocalPort());
            LOG.info("metadata listener on {}:{}", connector.getHost(), connector.getLocalPort());
        } catch (Exception e) {
            LOG.error("metadata listener not started: cannot listen on {}:{} ({}); instances get no metadata from "
                    + "this server", connector.getHost(), connector.getPort(), e.toString());
            jetty.removeConnector(connector);
            try {
                connector.stop();
            } catch (Exception ignored) {
                // it never opened
            }
        }
    }

    /**
     * The metadata listener: its own connector on {@code metadata.port} (the configuration's
     * {@code skyport.metadata.port} wins, so tests can take a free port), serving only the metadata
     * services. It binds every address by default: the hosts forward instances' requests to the
     * gateway address of each guest network, which are this machine's.
     */
    private Optional<ServerConnector> addMetadataContext(AnnotationConfigApplicationContext core,
                                                         ContextHandlerCollection contexts) {
        SettingService settings = core.getBean(SettingService.class);
        ModuleRegistry registry = root.getBean(ModuleRegistry.class);
        if (!settings.get(CoreSettings.METADATA_ENABLED) || registry.metadataEndpoints().isEmpty()) {
            return Optional.empty();
        }
        int port = config.getInt("skyport.metadata.port", settings.get(CoreSettings.METADATA_PORT));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setName(METADATA_CONNECTOR);
        connector.setHost(config.get("skyport.metadata.bind", "0.0.0.0"));
        connector.setPort(port);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setVirtualHosts(List.of("@" + METADATA_CONNECTOR));
        context.addServlet(new ServletHolder("metadata", new MetadataRouter(registry.metadataEndpoints(),
                core.getBean(MetadataCallers.class), settings, root.getBean(MeterRegistry.class))), "/*");
        contexts.addHandler(context);
        return Optional.of(connector);
    }

    /** The port of the metadata listener; empty when it is switched off or could not listen. */
    public Optional<Integer> metadataPort() {
        for (var c : jetty.getConnectors()) {
            if (METADATA_CONNECTOR.equals(c.getName())) {
                return Optional.of(((ServerConnector) c).getLocalPort());
            }
        }
        return Optional.empty();
    }

    private static boolean databaseUp(DataSource ds) {
        try (var c = ds.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Modules' client configuration for the first admin (after the hooks: the demo zone exists then). */
    private void writeModuleClientSetups(AnnotationConfigApplicationContext core) {
        core.getBean(IdentityService.class).byApiKey(bootstrap.apiKey()).ifPresent(admin -> {
            for (FirstStartClientSetup setup : root.getBean(ModuleRegistry.class).clientSetups()) {
                clientSetupLines.addAll(setup.write(config.home(), config.publicUrl(port()),
                        admin.principal().context("local")));
            }
        });
    }

    /** What modules wrote for the first admin, as the banner prints it; empty after the first start. */
    public List<String> clientSetupLines() {
        return List.copyOf(clientSetupLines);
    }

    public IdentityService.Bootstrap bootstrap() {
        return bootstrap;
    }

    /** The cs client configuration written by this start; empty unless this was the first start. */
    /** The AWS client configuration written at first start, if the EC2 module is present. */
    public Optional<Path> awsConfig() {
        return Optional.ofNullable(awsConfig);
    }

    public Optional<Path> clientConfig() {
        return Optional.ofNullable(clientConfig);
    }

    public ServerConfig config() {
        return config;
    }

    public ModuleRegistry registry() {
        return root.getBean(ModuleRegistry.class);
    }

    public <T> T coreBean(Class<T> type) {
        return modules.get(0).getBean(type);
    }

    public MeterRegistry metrics() {
        return root.getBean(MeterRegistry.class);
    }

    @Override
    public void close() {
        running = false;
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("HTTP listener did not stop cleanly: {}", e.toString());
            }
        }
        for (int i = modules.size() - 1; i >= 0; i--) {
            modules.get(i).close();
        }
        modules.clear();
        if (root != null) {
            root.close();
        }
    }
}
