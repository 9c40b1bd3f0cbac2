package io.skyport.gce.panel;

import io.skyport.core.config.ServerConfig;
import io.skyport.gce.auth.ServiceAccounts;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new service-account key for the caller (or, for admins, the user named): the key file
 * {@code gcloud} and Google's client libraries read, with its token URI on this server. The
 * private key is returned now and never stored.
 */
@ApiCommand(name = "createGceServiceAccountKey", entity = "serviceaccountkey", description = "Creates a GCE "
        + "service-account key for the caller or the given user and returns its key file.")
public class CreateGceServiceAccountKey implements ApiOperation {
    @Param(name = "userid", type = ParamType.UUID, entity = "user", description = "the user the key is for; "
            + "defaults to the caller")
    private Long userId;

    @Param(name = "endpoint", description = "base URL clients reach the server at (e.g. http://cloud:8080); "
            + "defaults to the server's public URL")
    private String endpoint;

    private final ServiceAccounts accounts;
    private final ServerConfig config;

    public CreateGceServiceAccountKey(ServiceAccounts accounts, ServerConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @Override
    public Object execute(CallContext ctx) {
        String root = (endpoint == null || endpoint.isBlank() ? config.publicUrl() : endpoint).replaceAll("/+$", "")
                + "/";
        ServiceAccounts.KeyFile key = accounts.createKey(ctx, userId != null ? userId : ctx.userId(), root);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("projectid", key.projectId());
        out.put("clientemail", key.clientEmail());
        out.put("privatekeyid", key.keyId());
        out.put("keyfile", key.json().toString());
        return new EntityResponse("serviceaccountkey", out);
    }
}
