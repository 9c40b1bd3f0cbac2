package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.UserDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "updateUser", description = "Updates a user account", entity = "user")
public class UpdateUser implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "user", required = true, description = "User uuid")
    private Long id;

    @Param(name = "email", description = "email")
    private String email;

    @Param(name = "firstname", description = "first name")
    private String firstname;

    @Param(name = "lastname", description = "last name")
    private String lastname;

    @Param(name = "password", description = "Clear text password (default hashed to SHA256SALT).")
    private String password;

    @Param(name = "timezone", description = "Specifies a timezone for this command.")
    private String timezone;

    @Param(name = "username", description = "Unique username")
    private String username;

    private final IdentityService identity;
    private final ViewFactory views;

    public UpdateUser(IdentityService identity, ViewFactory views) {
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        var updated = identity.updateUser(ctx, id, new UserDao.Update(firstname, lastname, email, timezone, username,
                null), password);
        return new EntityResponse("user", views.user(updated));
    }
}
