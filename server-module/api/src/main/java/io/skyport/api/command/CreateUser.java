package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createUser", description = "Creates a user for an account that already exists",
        roles = {Role.ADMIN, Role.DOMAIN_ADMIN}, entity = "user")
public class CreateUser implements ApiOperation {
    @Param(name = "account", required = true, description = "Creates the user under the specified account. If no "
            + "account is specified, the username will be used as the account name.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "Creates the user under the "
            + "specified domain. Has to be accompanied with the account parameter")
    private Long domainId;

    @Param(name = "username", required = true, description = "Unique username.")
    private String username;

    @Param(name = "password", required = true, description = "Clear text password (Default hashed to SHA256SALT).")
    private String password;

    @Param(name = "email", description = "email")
    private String email;

    @Param(name = "firstname", required = true, description = "firstname")
    private String firstname;

    @Param(name = "lastname", required = true, description = "lastname")
    private String lastname;

    @Param(name = "timezone", description = "Specifies a timezone for this command.")
    private String timezone;

    private final IdentityService identity;
    private final ViewFactory views;

    public CreateUser(IdentityService identity, ViewFactory views) {
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        var target = AccountTarget.resolve(identity, ctx, null, account, domainId);
        var user = identity.createUser(ctx, new IdentityService.NewUser(target.id(), username, password, email,
                firstname, lastname, timezone));
        return new EntityResponse("user", views.user(user));
    }
}
