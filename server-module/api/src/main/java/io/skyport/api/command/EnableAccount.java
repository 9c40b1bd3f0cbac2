package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Account.AccountState;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "enableAccount", description = "Enables an account", roles = {Role.ADMIN, Role.DOMAIN_ADMIN},
        entity = "account")
public class EnableAccount implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "account", description = "Account id")
    private Long id;

    @Param(name = "account", description = "Enables specified account.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "Enables specified account in "
            + "this domain.")
    private Long domainId;

    private final IdentityService identity;
    private final ViewFactory views;

    public EnableAccount(IdentityService identity, ViewFactory views) {
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        var target = AccountTarget.resolve(identity, ctx, id, account, domainId);
        return new EntityResponse("account", views.account(identity.setAccountState(ctx, target.id(),
                AccountState.ENABLED)));
    }
}
