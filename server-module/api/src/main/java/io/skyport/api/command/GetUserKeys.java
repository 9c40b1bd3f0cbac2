package io.skyport.api.command;

import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

@ApiCommand(name = "getUserKeys", description = "This command allows the user to query the seceret and API keys for "
        + "the account", entity = "userkeys")
public class GetUserKeys implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "user", required = true, description = "ID of the user whose "
            + "keys are required")
    private Long id;

    private final IdentityService identity;

    public GetUserKeys(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Object execute(CallContext ctx) {
        Map<String, Object> keys = new LinkedHashMap<>();
        identity.userKeys(ctx, id).ifPresent(k -> {
            keys.put("apikey", k.apikey());
            keys.put("secretkey", k.secretkey());
        });
        keys.put("apikeyaccess", true);
        return new EntityResponse("userkeys", keys);
    }
}
