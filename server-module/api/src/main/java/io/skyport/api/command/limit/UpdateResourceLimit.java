package io.skyport.api.command.limit;

import io.skyport.api.command.AccountTarget;
import io.skyport.api.view.ViewFactory;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "updateResourceLimit", roles = {Role.ADMIN, Role.DOMAIN_ADMIN}, entity = "resourcelimit",
        description = "Updates resource limits for an account or domain.")
public class UpdateResourceLimit implements ApiOperation {
    @Param(name = "account", required = true, description = "Update resource for a specified account. Must be used "
            + "with the domainId parameter.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "Update resource limits for all "
            + "accounts in specified domain.")
    private Long domainId;

    @Param(name = "resourcetype", required = true, description = "Type of resource to update: 0 Instance, 1 IP, "
            + "2 Volume, 4 Template, 8 CPU, 9 Memory, 10 Primary storage")
    private String resourceType;

    @Param(name = "max", type = ParamType.LONG, description = "Maximum resource limit (-1 means unlimited).")
    private Long max;

    private final IdentityService identity;
    private final ResourceCounter counter;
    private final ViewFactory views;
    private final EventService events;

    public UpdateResourceLimit(IdentityService identity, ResourceCounter counter, ViewFactory views,
                               EventService events) {
        this.identity = identity;
        this.counter = counter;
        this.views = views;
        this.events = events;
    }

    @Override
    public Object execute(CallContext ctx) {
        Account a = AccountTarget.resolve(identity, ctx, null, account, domainId);
        ResourceType t = LimitTypes.parse(resourceType).orElseThrow();
        long value = max == null ? -1 : max;
        if (value < -1) {
            throw new ApiException(ApiError.PARAM_ERROR, "max must be -1 (unlimited) or a non-negative number");
        }
        counter.setLimit(a.id(), t, value);
        events.record(ctx, "RESOURCE.LIMIT.UPDATE", "Limit of " + t.key() + " for account " + a.name() + " set to "
                + value, "Account", a.uuid());
        Domain d = views.domain(a.domainId());
        return new EntityResponse("resourcelimit", new ResourceLimitView(a.name(), d.uuid(), d.name(), d.path(),
                Integer.toString(t.code()), t.key(), counter.limit(a.id(), t)));
    }
}
