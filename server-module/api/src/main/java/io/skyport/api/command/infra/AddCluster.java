package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.Pod;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "addCluster", entity = "cluster", roles = {Role.ADMIN}, description = "Adds a new cluster")
public class AddCluster implements ApiOperation {
    @Param(name = "clustername", required = true, description = "the cluster name")
    private String clusterName;

    @Param(name = "clustertype", required = true, description = "type of the cluster: CloudManaged, ExternalManaged "
            + "(Skyport manages its clusters: CloudManaged)")
    private String clusterType;

    @Param(name = "hypervisor", required = true, description = "hypervisor type of the cluster: Simulator, Docker, LXC "
            + "(those whose driver is loaded)")
    private String hypervisor;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true,
            description = "the Zone ID for the cluster")
    private Long zoneId;

    @Param(name = "podid", type = ParamType.UUID, entity = "pod", required = true,
            description = "the Pod ID for the host")
    private Long podId;

    private final InfraService service;
    private final PodDao podDao;
    private final InfraViews views;

    public AddCluster(InfraService service, PodDao podDao, InfraViews views) {
        this.service = service;
        this.podDao = podDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (!"CloudManaged".equalsIgnoreCase(clusterType)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid clustertype " + clusterType
                    + ": Skyport clusters are CloudManaged");
        }
        if (clusterName.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Cluster name must not be empty");
        }
        Pod pod = podDao.pod(podId).orElseThrow();
        if (pod.zoneId() != zoneId) {
            throw new ApiException(ApiError.PARAM_ERROR, "Pod " + pod.name() + " is not in the given zone");
        }
        Cluster c = service.addCluster(ctx, podId, clusterName, hypervisor);
        return ListResponse.of("cluster", List.of(views.cluster(c)));
    }
}
