package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.TemplateView;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.Zone;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@ApiCommand(name = "listTemplates", entity = "template", description = "List all public, private, and privileged "
        + "templates.")
public class ListTemplates extends BaseListCommand implements ApiOperation {
    private static final Set<String> FILTERS = Set.of("featured", "self", "selfexecutable", "sharedexecutable",
            "executable", "community", "all");

    @Param(name = "templatefilter", required = true, description = "possible values are \"featured\", \"self\", "
            + "\"selfexecutable\",\"sharedexecutable\",\"executable\", and \"community\".")
    private String filter;

    @Param(name = "id", type = ParamType.UUID, entity = "template", description = "the template ID")
    private Long id;

    @Param(name = "name", description = "the template name")
    private String name;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "list templates by zoneId")
    private Long zoneId;

    @Param(name = "hypervisor", description = "the hypervisor for which to restrict the search")
    private String hypervisor;

    private final TemplateDao templates;
    private final ZoneDao zoneDao;
    private final InfraViews views;

    public ListTemplates(SettingReader settings, TemplateDao templates, ZoneDao zoneDao, InfraViews views) {
        super(settings);
        this.templates = templates;
        this.zoneDao = zoneDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (!FILTERS.contains(filter)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid templatefilter " + filter + "; use one of " + FILTERS);
        }
        List<Zone> zones = zoneDao.zones(zoneId, null, null);
        List<TemplateView> out = new ArrayList<>();
        for (Template t : templates.list(ctx.accountId(), ctx.isAdmin(), filter, id, name, keyword(), zoneId, null)) {
            if (hypervisor != null && !hypervisor.equalsIgnoreCase(t.hypervisor())) {
                continue;
            }
            for (Zone z : zones) {
                if (t.zoneId() == null || t.zoneId() == z.id()) {
                    out.add(views.template(t, z));
                }
            }
        }
        return Pages.of("template", out, offset(), limit());
    }
}
