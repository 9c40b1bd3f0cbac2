package io.skyport.api.command;

import io.skyport.api.NativeJobs;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.vm.AccountCleanup;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteAccount", description = "Deletes a account, and all users associated with this account",
        async = true, roles = {Role.ADMIN, Role.DOMAIN_ADMIN})
public class DeleteAccount implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "account", required = true, description = "Account id")
    private Long id;

    private final IdentityService identity;
    private final NativeJobs jobs;
    private final AccountCleanup cleanup;

    public DeleteAccount(IdentityService identity, NativeJobs jobs, AccountCleanup cleanup) {
        this.identity = identity;
        this.jobs = jobs;
        this.cleanup = cleanup;
    }

    @Override
    public Object execute(CallContext ctx) {
        var account = identity.visibleAccount(ctx, id);
        identity.checkDeletable(ctx, account.id());
        return jobs.submit(ctx, "deleteAccount", "Account", account.uuid(), false, () -> {
            cleanup.removeResourcesOf(ctx, account.id());
            identity.deleteAccount(ctx, account.id());
            return SuccessResponse.ok();
        });
    }
}
