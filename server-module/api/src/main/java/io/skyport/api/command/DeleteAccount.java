package io.skyport.api.command;

import io.skyport.api.NativeJobs;
import io.skyport.core.identity.IdentityService;
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

    public DeleteAccount(IdentityService identity, NativeJobs jobs) {
        this.identity = identity;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        var account = identity.visibleAccount(ctx, id);
        return jobs.submit(ctx, "deleteAccount", "Account", account.uuid(), false, () -> {
            identity.deleteAccount(ctx, account.id());
            return SuccessResponse.ok();
        });
    }
}
