package io.skyport.gce.panel;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import io.skyport.core.ui.ApiCallCounts;
import io.skyport.gce.GceDispatcher;
import io.skyport.gce.GceEndpoint;
import io.skyport.gce.auth.TokenService;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Projects;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.response.EntityResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user needs to point {@code gcloud} or Google's client libraries at this cloud: the
 * Compute endpoint, token and discovery URLs, the caller's project and a zone, ready
 * configuration for gcloud, Python and Node.js, and how often each GCE method was called since
 * the server started. The GCE UI panel shows this; the key file itself comes from
 * {@code createGceServiceAccountKey}.
 */
@ApiCommand(name = "getGceClientConfig", entity = "gceclientconfig", description = "Returns the GCE endpoint, token "
        + "and discovery URLs, the caller's project, ready gcloud and client library configuration, and GCE call "
        + "counts.")
public class GetGceClientConfig implements ApiOperation {
    /** The file name the snippets use for the key file. */
    static final String KEY_FILE = "skyport-gce-key.json";

    @Param(name = "endpoint", description = "base URL the user reaches the server at (e.g. http://cloud:8080); "
            + "defaults to the server's public URL")
    private String endpoint;

    private final SettingService settings;
    private final Projects projects;
    private final AccountDao accounts;
    private final Locations locations;
    private final ServerConfig config;
    private final MeterRegistry metrics;

    public GetGceClientConfig(SettingService settings, Projects projects, AccountDao accounts, Locations locations,
                              ServerConfig config, MeterRegistry metrics) {
        this.settings = settings;
        this.projects = projects;
        this.accounts = accounts;
        this.locations = locations;
        this.config = config;
        this.metrics = metrics;
    }

    /** The endpoint the caller gave, if it is an absolute http(s) URL: it is written into URLs and commands. */
    private static String checked(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return endpoint;
            }
        } catch (URISyntaxException e) {
            // refused below like any other value that is not such a URL
        }
        throw new ApiException(ApiError.PARAM_ERROR, "Invalid parameter endpoint value=" + endpoint
                + ": give the base URL users reach the server at, such as http://cloud:8080");
    }

    @Override
    public Object execute(CallContext ctx) {
        String base = (endpoint == null || endpoint.isBlank() ? config.publicUrl() : checked(endpoint))
                .replaceAll("/+$", "");
        String compute = base + GceEndpoint.COMPUTE + "/";
        String token = base + TokenService.TOKEN_PATH;
        String project = projects.projectOf(accounts.findById(ctx.accountId()).orElseThrow());
        String zone = locations.all().stream().findFirst().map(Locations::zoneName).orElse("");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", compute);
        out.put("tokenuri", token);
        out.put("discoveryurl", base + GceEndpoint.DISCOVERY_DOCUMENT);
        out.put("project", project);
        out.put("zone", zone);
        out.put("enabled", settings.get(CoreSettings.GCE_API_ENABLED));
        out.put("gcloud", GcloudSetup.commands(compute, token, project, zone, KEY_FILE)
                + "gcloud compute instances list\n");
        out.put("python", String.join("\n",
                "from google.oauth2 import service_account",
                "from googleapiclient import discovery",
                "creds = service_account.Credentials.from_service_account_file(",
                "    '" + KEY_FILE + "', scopes=['https://www.googleapis.com/auth/cloud-platform'])",
                "compute = discovery.build('compute', 'v1', credentials=creds,",
                "    discoveryServiceUrl='" + base + "/discovery/v1/apis/{api}/{apiVersion}/rest')",
                "print(compute.instances().list(project='" + project + "', zone='" + zone + "').execute())", ""));
        out.put("nodejs", String.join("\n",
                "const {InstancesClient} = require('@google-cloud/compute');",
                "const client = new InstancesClient({keyFilename: '" + KEY_FILE + "',",
                "  apiEndpoint: '" + java.net.URI.create(base).getHost() + "', port: " + port(base) + ", protocol: '"
                        + java.net.URI.create(base).getScheme() + "'});",
                "// Node's auth library posts grants to Google's token URL whatever the key file says;",
                "// self-signed JWTs, which this server accepts, need no token endpoint at all",
                "client.auth.useJWTAccessWithScope = true;",
                "const [vms] = await client.list({project: '" + project + "', zone: '" + zone + "'});", ""));
        out.put("operation", ApiCallCounts.of(metrics, GceDispatcher.API));
        return new EntityResponse("gceclientconfig", out);
    }

    private static int port(String base) {
        java.net.URI u = java.net.URI.create(base);
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
