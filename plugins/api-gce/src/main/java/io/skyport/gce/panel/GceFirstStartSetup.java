package io.skyport.gce.panel;

import io.skyport.gce.GceEndpoint;
import io.skyport.gce.auth.ServiceAccounts;
import io.skyport.gce.auth.TokenService;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.FirstStartClientSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * At first start: a service-account key for the admin in {@code <home>/gce/}, and a script that
 * configures gcloud (in its own configuration directory beside it) to use this server.
 */
public class GceFirstStartSetup implements FirstStartClientSetup {
    private final ServiceAccounts accounts;
    private final Locations locations;

    public GceFirstStartSetup(ServiceAccounts accounts, Locations locations) {
        this.accounts = accounts;
        this.locations = locations;
    }

    @Override
    public List<String> write(Path home, String baseUrl, CallContext admin) {
        ServiceAccounts.KeyFile key = accounts.createKey(admin, admin.userId(), baseUrl + "/");
        Path dir = home.resolve("gce");
        Path keyFile = dir.resolve(GetGceClientConfig.KEY_FILE);
        Path script = dir.resolve("gcloud-setup.sh");
        Path gcloudConfig = dir.resolve("gcloud");
        String zone = locations.all().stream().findFirst().map(Locations::zoneName).orElse("");
        try {
            Files.createDirectories(dir);
            Files.writeString(keyFile, key.json().toString() + "\n", StandardCharsets.UTF_8);
            restrict(keyFile);
            Files.writeString(script, "#!/bin/sh\n# Configures gcloud (configuration directory " + gcloudConfig
                    + ") for this server.\nset -e\nexport CLOUDSDK_CONFIG=" + gcloudConfig + "\n"
                    + GcloudSetup.commands(baseUrl + GceEndpoint.COMPUTE + "/", baseUrl + TokenService.TOKEN_PATH,
                    key.projectId(), zone, keyFile.toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the GCE client configuration under " + dir, e);
        }
        return List.of("Client configuration for gcloud and Google's client libraries, written to " + dir + ":",
                "  key file    " + keyFile + " (project " + key.projectId() + ")",
                "  sh " + script + " && CLOUDSDK_CONFIG=" + gcloudConfig + " gcloud compute instances list");
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
