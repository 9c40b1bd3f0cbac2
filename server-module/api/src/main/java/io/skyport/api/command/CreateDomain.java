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

@ApiCommand(name = "createDomain", description = "Creates a domain", roles = Role.ADMIN, entity = "domain")
public class CreateDomain implements ApiOperation {
    @Param(name = "name", required = true, description = "creates domain with this name")
    private String name;

    @Param(name = "parentdomainid", type = ParamType.UUID, entity = "domain",
            description = "assigns new domain a parent domain by domain ID of the parent.  If no parent domain is "
                    + "specified, the ROOT domain is assumed.")
    private Long parentDomainId;

    private final IdentityService identity;
    private final ViewFactory views;

    public CreateDomain(IdentityService identity, ViewFactory views) {
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        return new EntityResponse("domain", views.domain(identity.createDomain(ctx, name, parentDomainId)));
    }
}
