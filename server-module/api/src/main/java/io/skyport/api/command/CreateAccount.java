package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createAccount", description = "Creates an account", roles = {Role.ADMIN, Role.DOMAIN_ADMIN},
        entity = "account")
public class CreateAccount implements ApiOperation {
    @Param(name = "account", description = "Name of the account to be created. The user will be added to this newly "
            + "created account. If no account is specified, the username will be used as the account name.")
    private String account;

    @Param(name = "accounttype", type = ParamType.INTEGER, description = "Type of the account.  Specify 0 for user, "
            + "1 for root admin, and 2 for domain admin")
    private Integer accountType;

    @Param(name = "roletype", description = "Role of the account: User, Admin or DomainAdmin (instead of accounttype)")
    private String roleType;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "Creates the user under the "
            + "specified domain.")
    private Long domainId;

    @Param(name = "username", required = true, description = "Unique username.")
    private String username;

    @Param(name = "password", required = true, description = "Clear text password (Default hashed to SHA256SALT).")
    private String password;

    @Param(name = "email", required = false, description = "email")
    private String email;

    @Param(name = "firstname", required = true, description = "firstname")
    private String firstname;

    @Param(name = "lastname", required = true, description = "lastname")
    private String lastname;

    @Param(name = "timezone", description = "Specifies a timezone for this command.")
    private String timezone;

    private final IdentityService identity;
    private final ViewFactory views;

    public CreateAccount(IdentityService identity, ViewFactory views) {
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        var created = identity.createAccount(ctx, new IdentityService.NewAccount(account, role(), domainId, username,
                password, email, firstname, lastname, timezone));
        return new EntityResponse("account", views.newAccount(created));
    }

    private Role role() {
        if (roleType != null) {
            for (Role r : Role.values()) {
                if (r.roleType().equalsIgnoreCase(roleType)) {
                    return r;
                }
            }
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid roletype " + roleType
                    + "; use User, Admin or DomainAdmin");
        }
        if (accountType == null) {
            return Role.USER;
        }
        try {
            return Role.ofAccountType(accountType);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid accounttype " + accountType + "; use 0, 1 or 2");
        }
    }
}
