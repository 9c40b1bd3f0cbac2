package io.skyport.api.command;

import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "registerUserKeys", description = "This command allows a user to register for the developer API, "
        + "returning a secret key and an API key. This request is made through the integration API port, so it is a "
        + "privileged command and must be made on behalf of a user. It is up to the implementer just how the username "
        + "and password are entered, and then how that translates to an integration API request. Both secret key and "
        + "API key should be returned to the user", entity = "userkeys")
public class RegisterUserKeys implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "user", required = true, description = "User id")
    private Long id;

    private final IdentityService identity;

    public RegisterUserKeys(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Object execute(CallContext ctx) {
        return new EntityResponse("userkeys", identity.registerUserKeys(ctx, id));
    }
}
