package io.skyport.api.command;

import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.response.RawResponse;
import java.util.Map;

@ApiCommand(name = "logout", description = "Logs out the user")
public class Logout implements ApiOperation {
    @Param(name = "sessionkey", description = "the session key to end (taken from the session cookie when absent)")
    private String sessionKey;

    private final IdentityService identity;

    public Logout(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (sessionKey != null) {
            identity.logout(sessionKey);
        }
        return new RawResponse(Map.of("description", "success"));
    }
}
