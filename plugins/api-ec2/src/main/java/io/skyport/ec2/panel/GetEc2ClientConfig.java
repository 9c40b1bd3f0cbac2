package io.skyport.ec2.panel;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.ui.ApiCallCounts;
import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Endpoint;
import io.skyport.ec2.Ec2Settings;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user needs to point {@code aws}, boto3 or an AWS SDK at this cloud: the EC2 endpoint and
 * region, the caller's own keys, ready {@code ~/.aws/config} and {@code ~/.aws/credentials}
 * snippets, and how often each EC2 operation was called since the server started. The EC2 UI
 * panel shows this.
 */
@ApiCommand(name = "getEc2ClientConfig", entity = "ec2clientconfig", description = "Returns the EC2 endpoint, "
        + "region, the caller's keys and ready AWS client configuration, with EC2 call counts.")
public class GetEc2ClientConfig implements ApiOperation {
    @Param(name = "endpoint", description = "base URL the user reaches the server at (e.g. http://cloud:8080); "
            + "the EC2 endpoint is its /ec2 path")
    private String endpoint;

    private final IdentityService identity;
    private final SettingService settings;
    private final MeterRegistry metrics;

    public GetEc2ClientConfig(IdentityService identity, SettingService settings, MeterRegistry metrics) {
        this.identity = identity;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public Object execute(CallContext ctx) {
        String region = settings.get(Ec2Settings.REGION);
        String base = endpoint == null || endpoint.isBlank() ? "http://127.0.0.1:8080" : endpoint.replaceAll("/+$", "");
        String url = base + "/ec2";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", url);
        out.put("region", region);
        out.put("enabled", settings.get(io.skyport.core.settings.CoreSettings.EC2_API_ENABLED));
        var keys = identity.userKeys(ctx, ctx.userId());
        out.put("apikey", keys.map(k -> k.apikey()).orElse(""));
        out.put("secretkey", keys.map(k -> k.secretkey()).orElse(""));
        out.put("awsconfig", "[profile skyport]\nregion = " + region + "\nendpoint_url = " + url + "\noutput = json\n");
        out.put("awscredentials", keys.map(k -> "[skyport]\naws_access_key_id = " + k.apikey()
                + "\naws_secret_access_key = " + k.secretkey() + "\n").orElse("# no API keys yet: "
                + "generate them with registerUserKeys\n"));
        out.put("operation", ApiCallCounts.of(metrics, Ec2Endpoint.API));
        return new EntityResponse("ec2clientconfig", out);
    }
}
