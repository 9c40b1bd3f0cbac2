package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.ClusterView;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.ClusterDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listClusters", entity = "cluster", roles = {Role.ADMIN}, description = "Lists clusters.")
public class ListClusters extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "cluster", description = "lists clusters by the cluster ID")
    private Long id;

    @Param(name = "name", description = "lists clusters by the cluster name")
    private String name;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "lists clusters by Zone ID")
    private Long zoneId;

    @Param(name = "podid", type = ParamType.UUID, entity = "pod", description = "lists clusters by Pod ID")
    private Long podId;

    @Param(name = "hypervisor", description = "lists clusters by hypervisor type")
    private String hypervisor;

    private final ClusterDao clusterDao;
    private final InfraViews views;

    public ListClusters(SettingReader settings, ClusterDao clusterDao, InfraViews views) {
        super(settings);
        this.clusterDao = clusterDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<ClusterView> out = new ArrayList<>();
        for (Cluster c : clusterDao.clusters(id, zoneId, podId, name, null)) {
            if (Pages.matches(keyword(), c.name()) && (hypervisor == null || hypervisor.equalsIgnoreCase(c.hypervisor()))) {
                out.add(views.cluster(c));
            }
        }
        return Pages.of("cluster", out, offset(), limit());
    }
}
