package io.skyport.app;

import java.nio.file.Path;

import io.skyport.core.identity.IdentityService;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiEndpoint;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * What an operator needs after start: endpoints, the admin credentials created on first start
 * (shown once), and where the {@code cs} client configuration was written. Printing only: the
 * server writes that file itself (see {@link ClientConfigWriter}).
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
        server.metadataPort().ifPresent(p -> out.println("  metadata    port " + p
                + " (EC2 IMDS /latest, GCE /computeMetadata/v1; instances only)"));
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
            server.clientConfig().ifPresent(ini -> {
                out.println();
                out.println("Client configuration for cs (python3 -m cs), written to " + ini + ":");
                out.println("  CLOUDSTACK_CONFIG=" + ini + " python3 -m cs listZones");
            });
            server.awsConfig().ifPresent(aws -> {
                Path credentials = aws.resolveSibling("credentials");
                out.println();
                out.println("Client configuration for aws, boto3 and the AWS SDKs (profile skyport), written to "
                        + aws.getParent() + ":");
                out.println("  AWS_CONFIG_FILE=" + aws + " AWS_SHARED_CREDENTIALS_FILE=" + credentials
                        + " aws --profile skyport --endpoint-url " + base + "/ec2 ec2 describe-instances");
            });
            if (!server.clientSetupLines().isEmpty()) {
                out.println();
                server.clientSetupLines().forEach(out::println);
            }
        } else {
            out.println("  admin keys  in " + server.config().home().resolve(ClientConfigWriter.FILE_NAME)
                    + " (written at first start), or regenerate them with registerUserKeys");
        }
        out.println();
    }
}
