package io.skyport.app;

import io.skyport.app.cluster.ClusterCommand;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.db.DatabaseFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar skyport-server.jar} runs the server; subcommands do admin tasks. */
@Command(name = "skyport", mixinStandardHelpOptions = true, version = "Skyport " + io.skyport.core.CoreModule.VERSION,
        description = "Skyport management server (Apache CloudStack-compatible API, EC2 and GCE plugins)",
        subcommands = {Main.Migrate.class, Main.Config.class, ClusterCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.selector.BasicContextSelector");
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Runs the server until it is told to stop (SIGTERM / Ctrl-C), then shuts down gracefully. */
    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.fromEnvironment();
        System.setProperty("skyport.home", config.home().toString());
        SkyportServer server = new SkyportServer(config);
        try {
            server.start();
        } catch (ModuleLoader.ModuleException e) {
            System.err.println("skyport: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("skyport: shutting down");
            server.close();
            stopped.countDown();
        }, "skyport-shutdown"));
        Banner.print(System.out, server);
        stopped.await();
        return 0;
    }

    @Command(name = "migrate", description = "Bring the database schema up to date and exit")
    static final class Migrate implements Callable<Integer> {
        @Override
        public Integer call() {
            ServerConfig config = ServerConfig.fromEnvironment();
            try (var ds = DatabaseFactory.open(config)) {
                System.out.println("schema of " + DatabaseFactory.redact(config.dbUrl()) + " is up to date");
            }
            return 0;
        }
    }

    @Command(name = "config", description = "Print the effective configuration (secrets hidden)")
    static final class Config implements Callable<Integer> {
        @Override
        public Integer call() {
            ServerConfig c = ServerConfig.fromEnvironment();
            System.out.println("home     " + c.home());
            System.out.println("port     " + c.port());
            System.out.println("bind     " + c.bindAddress());
            System.out.println("database " + DatabaseFactory.redact(c.dbUrl()));
            return 0;
        }
    }
}
