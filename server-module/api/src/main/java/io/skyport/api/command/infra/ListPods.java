package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.PodView;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.Pod;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listPods", entity = "pod", roles = {Role.ADMIN}, description = "Lists all Pods.")
public class ListPods extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "pod", description = "list Pods by ID")
    private Long id;

    @Param(name = "name", description = "list Pods by name")
    private String name;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "list Pods by Zone ID")
    private Long zoneId;

    @Param(name = "allocationstate", description = "list pods by allocation state")
    private String allocationState;

    private final PodDao podDao;
    private final InfraViews views;

    public ListPods(SettingReader settings, PodDao podDao, InfraViews views) {
        super(settings);
        this.podDao = podDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<PodView> out = new ArrayList<>();
        for (Pod p : podDao.pods(id, zoneId, name)) {
            if (Pages.matches(keyword(), p.name())
                    && (allocationState == null || allocationState.equalsIgnoreCase(p.allocationState()))) {
                out.add(views.pod(p));
            }
        }
        return Pages.of("pod", out, offset(), limit());
    }
}
