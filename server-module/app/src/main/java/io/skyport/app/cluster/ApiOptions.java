package io.skyport.app.cluster;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The connection flags every cluster subcommand takes. */
final class ApiOptions {
    @Option(names = "--api", defaultValue = "native", description = "API to work through: native, ec2 or gce "
            + "(default: ${DEFAULT-VALUE})")
    String api;

    @Option(names = "--endpoint", description = "native API URL, e.g. http://localhost:8080/client/api "
            + "(default: $SKYPORT_ENDPOINT, else the endpoint in --config)")
    String endpoint;

    @Option(names = "--api-key", description = "API key (default: $SKYPORT_API_KEY, else --config)")
    String apiKey;

    @Option(names = "--secret-key", description = "secret key (default: $SKYPORT_SECRET_KEY, else --config)")
    String secretKey;

    @Option(names = "--config", description = "cs client configuration to read (default: "
            + "$SKYPORT_HOME/cloudstack.ini, else ~/.skyport/cloudstack.ini)")
    Path config;

    @Option(names = "--gce-key-file", description = "GCE service-account key file for --api gce (default: a new key "
            + "made with createGceServiceAccountKey)")
    Path gceKeyFile;

    ClusterApi connect() {
        return ApiKind.parse(api).connect(Credentials.resolve(endpoint, apiKey, secretKey, config, gceKeyFile));
    }
}
