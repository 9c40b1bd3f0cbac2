package io.skyport.app;

import io.skyport.core.identity.IdentityService;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiEndpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;

/**
 * What an operator needs after start: endpoints, the admin credentials created on first start
 * (shown once), and client configuration for {@code cs}.
 */
final class Banner {
    private Banner() {
    }

    static void print(PrintStream out, SkyportServer server) {
        String base = server.config().publicUrl(server.port());
        IdentityService.Bootstrap b = server.bootstrap();
        out.println();
        out.println("Skyport is running");
        out.println("  modules     " + server.registry().modules().stream().map(ModuleRegistry.LoadedModule::name)
                .collect(Collectors.joining(", ")));
        for (ApiEndpoint e : server.registry().endpoints()) {
            for (String prefix : e.pathPrefixes()) {
                out.println("  endpoint    " + base + prefix);
            }
        }
        out.println("  metrics     " + base + "/metrics");
        out.println("  health      " + base + "/healthz");
        out.println("  data        " + server.config().home());
        if (b.created()) {
            out.println();
            out.println("First start: created the admin account (shown only now; keep it safe)");
            out.println("  username    admin");
            out.println("  password    " + b.password());
            out.println("  API key     " + b.apiKey());
            out.println("  secret key  " + b.secretKey());
            Path ini = writeCsConfig(server.config().home(), base, b);
            out.println();
            out.println("Client configuration for cs (python3 -m cs), written to " + ini + ":");
            out.println("  CLOUDSTACK_CONFIG=" + ini + " python3 -m cs listZones");
        } else {
            out.println("  admin keys  in " + server.config().home().resolve("cloudstack.ini")
                    + " (written at first start), or regenerate them with registerUserKeys");
        }
        out.println();
    }

    /** The cs client's configuration file, readable by its owner only. */
    private static Path writeCsConfig(Path home, String base, IdentityService.Bootstrap b) {
        Path ini = home.resolve("cloudstack.ini");
        String text = "[cloudstack]\nendpoint = " + base + "/client/api\nkey = " + b.apiKey() + "\nsecret = "
                + b.secretKey() + "\n";
        try {
            Files.writeString(ini, text);
            Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println("skyport: could not write " + ini + ": " + e.getMessage());
        }
        return ini;
    }
}
