package io.skyport.api.command;

import io.skyport.api.NativeJobs;
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

@ApiCommand(name = "disableAccount", description = "Disables an account", async = true,
        roles = {Role.ADMIN, Role.DOMAIN_ADMIN}, entity = "account")
public class DisableAccount implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "account", description = "Account id")
    private Long id;

    @Param(name = "account", description = "Disables specified account.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "Disables specified account in "
            + "this domain.")
    private Long domainId;

    @Param(name = "lock", type = ParamType.BOOLEAN, required = true, description = "If true, only lock the account; "
            + "else disable the account")
    private Boolean lock;

    private final IdentityService identity;
    private final NativeJobs jobs;
    private final ViewFactory views;

    public DisableAccount(IdentityService identity, NativeJobs jobs, ViewFactory views) {
        this.identity = identity;
        this.jobs = jobs;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        var target = AccountTarget.resolve(identity, ctx, id, account, domainId);
        AccountState state = lock ? AccountState.LOCKED : AccountState.DISABLED;
        return jobs.submit(ctx, "disableAccount", "Account", target.uuid(), false,
                () -> new EntityResponse("account", views.account(identity.setAccountState(ctx, target.id(), state))));
    }
}
