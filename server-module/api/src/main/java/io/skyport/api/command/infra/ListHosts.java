package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.HostView;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listHosts", entity = "host", roles = {Role.ADMIN}, description = "Lists hosts.")
public class ListHosts extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "host", description = "the id of the host")
    private Long id;

    @Param(name = "name", description = "the name of the host")
    private String name;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the Zone ID for the host")
    private Long zoneId;

    @Param(name = "podid", type = ParamType.UUID, entity = "pod", description = "the Pod ID for the host")
    private Long podId;

    @Param(name = "clusterid", type = ParamType.UUID, entity = "cluster", description = "lists hosts existing in "
            + "particular cluster")
    private Long clusterId;

    @Param(name = "type", description = "the host type (Skyport's hosts are all Routing hosts)")
    private String type;

    @Param(name = "state", description = "the state of the host")
    private String state;

    @Param(name = "resourcestate", description = "list hosts by resource state")
    private String resourceState;

    @Param(name = "hypervisor", description = "hypervisor type of host: Simulator, Docker, LXC")
    private String hypervisor;

    private final HostDao hostDao;
    private final InfraViews views;

    public ListHosts(SettingReader settings, HostDao hostDao, InfraViews views) {
        super(settings);
        this.hostDao = hostDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<HostView> out = new ArrayList<>();
        if (type != null && !"Routing".equalsIgnoreCase(type)) {
            return Pages.of("host", out, 0, 1);
        }
        for (Host h : hostDao.hosts(id, zoneId, clusterId, name, null, null)) {
            if ((podId == null || h.podId() == podId) && Pages.matches(keyword(), h.name())
                    && (state == null || state.equalsIgnoreCase(h.status()))
                    && (resourceState == null || resourceState.equalsIgnoreCase(h.resourceState()))
                    && (hypervisor == null || hypervisor.equalsIgnoreCase(h.hypervisor()))) {
                out.add(views.host(h));
            }
        }
        return Pages.of("host", out, offset(), limit());
    }
}
