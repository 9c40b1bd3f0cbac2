package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "listDomains", description = "Lists domains and provides detailed information for listed domains",
        roles = {Role.ADMIN, Role.DOMAIN_ADMIN}, entity = "domain")
public class ListDomains extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "domain", description = "List domain by domain ID.")
    private Long id;

    @Param(name = "name", description = "List domain by domain name.")
    private String name;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final IdentityService identity;
    private final ViewFactory views;

    public ListDomains(SettingReader settings, IdentityService identity, ViewFactory views) {
        super(settings);
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<Domain> found;
        long total;
        if (id != null) {
            found = List.of(identity.domains().findById(id).orElseThrow());
            total = 1;
        } else if (Boolean.TRUE.equals(listAll) || name != null) {
            found = identity.domains().listSubtree(ctx.domainPath(), name, offset(), limit());
            total = identity.domains().countSubtree(ctx.domainPath(), name);
        } else {
            found = List.of(identity.domains().findByPath(ctx.domainPath()).orElseThrow());
            total = 1;
        }
        return new ListResponse<>("domain", found.stream().map(views::domain).toList(), total);
    }
}
