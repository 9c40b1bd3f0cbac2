package io.skyport.api.command.securitygroup;

import io.skyport.api.command.AccountTarget;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createSecurityGroup", entity = "securitygroup", description = "Creates a security group")
public class CreateSecurityGroup implements ApiOperation {
    @Param(name = "name", required = true, description = "name of the security group")
    private String name;

    @Param(name = "description", description = "the description of the security group")
    private String description;

    @Param(name = "account", description = "an optional account for the security group. Must be used with domainId.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "an optional domainId for the "
            + "security group. If the account parameter is used, domainId must also be used.")
    private Long domainId;

    private final SecurityGroupService service;
    private final IdentityService identity;
    private final SecurityGroupViews views;

    public CreateSecurityGroup(SecurityGroupService service, IdentityService identity, SecurityGroupViews views) {
        this.service = service;
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        long owner = account == null ? ctx.accountId() : AccountTarget.resolve(identity, ctx, null, account, domainId)
                .id();
        return new EntityResponse("securitygroup", views.view(service.create(ctx, owner, name, description)));
    }
}
