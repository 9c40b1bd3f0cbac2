package io.skyport.api.command.limit;

import io.skyport.api.command.AccountTarget;
import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "listResourceLimits", entity = "resourcelimit", description = "Lists resource limits.")
public class ListResourceLimits extends BaseListCommand implements ApiOperation {
    @Param(name = "account", description = "list resources by account. Must be used with the domainId parameter.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "list only resources belonging "
            + "to the domain specified")
    private Long domainId;

    @Param(name = "resourcetype", description = "Type of resource: 0 Instance, 1 IP, 2 Volume, 4 Template, 8 CPU, "
            + "9 Memory, 10 Primary storage (or the type's name)")
    private String resourceType;

    private final IdentityService identity;
    private final ResourceCounter counter;
    private final ViewFactory views;

    public ListResourceLimits(SettingReader settings, IdentityService identity, ResourceCounter counter,
                              ViewFactory views) {
        super(settings);
        this.identity = identity;
        this.counter = counter;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Account a = account == null ? identity.visibleAccount(ctx, ctx.accountId())
                : AccountTarget.resolve(identity, ctx, null, account, domainId);
        Domain d = views.domain(a.domainId());
        List<ResourceType> types = LimitTypes.parse(resourceType).map(List::of).orElseGet(LimitTypes::limited);
        List<ResourceLimitView> out = types.stream().map(t -> new ResourceLimitView(a.name(), d.uuid(), d.name(),
                d.path(), Integer.toString(t.code()), t.key(), counter.limit(a.id(), t))).toList();
        return ListResponse.of("resourcelimit", out);
    }
}
