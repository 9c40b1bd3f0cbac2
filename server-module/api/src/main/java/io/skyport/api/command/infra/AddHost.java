package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.InfraService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.ListResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

@ApiCommand(name = "addHost", entity = "host", roles = {Role.ADMIN}, description = "Adds a new host.")
public class AddHost implements ApiOperation {
    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true,
            description = "the Zone ID for the host")
    private Long zoneId;

    @Param(name = "podid", type = ParamType.UUID, entity = "pod", required = true, description = "the Pod ID for the host")
    private Long podId;

    @Param(name = "clusterid", type = ParamType.UUID, entity = "cluster", description = "the cluster ID for the host")
    private Long clusterId;

    @Param(name = "clustername", description = "the cluster name for the host")
    private String clusterName;

    @Param(name = "hypervisor", required = true, description = "hypervisor type of the host")
    private String hypervisor;

    @Param(name = "url", required = true, length = 1024, description = "the host URL: sim://name?cpus=&speed=&memory= "
            + "for simulated hosts, the daemon's address for Docker and LXC")
    private String url;

    @Param(name = "username", description = "the username for the host (unused by Skyport's drivers)")
    private String username;

    @Param(name = "password", description = "the password for the host (unused by Skyport's drivers)")
    private String password;

    private final InfraService service;
    private final ClusterDao clusterDao;
    private final InfraViews views;

    public AddHost(InfraService service, ClusterDao clusterDao, InfraViews views) {
        this.service = service;
        this.clusterDao = clusterDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Cluster c = cluster();
        if (c.podId() != podId || c.zoneId() != zoneId) {
            throw new ApiException(ApiError.PARAM_ERROR, "Cluster " + c.name() + " is not in the given pod and zone");
        }
        if (!c.hypervisor().equalsIgnoreCase(hypervisor)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Cluster " + c.name() + " is a " + c.hypervisor()
                    + " cluster, not " + hypervisor);
        }
        Host h = service.addHost(ctx, c.id(), hostName(), url);
        return ListResponse.of("host", List.of(views.host(h)));
    }

    private Cluster cluster() {
        if (clusterId != null) {
            return clusterDao.cluster(clusterId).orElseThrow();
        }
        if (clusterName == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Either clusterid or clustername must be specified");
        }
        return clusterDao.clusters(null, zoneId, podId, clusterName, null).stream().findFirst()
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find cluster " + clusterName
                        + " in the given pod"));
    }

    /**
     * Hosts are named after the host part of their URL, as CloudStack names them after the
     * address; a daemon reached through a local socket (unix:///var/run/docker.sock) has no host
     * part and is named after the socket's path.
     */
    private String hostName() {
        try {
            URI u = new URI(url.trim());
            if (u.getScheme() != null && u.getHost() != null) {
                return u.getHost();
            }
            if ("unix".equalsIgnoreCase(u.getScheme()) && u.getPath() != null && !u.getPath().isBlank()) {
                return u.getPath();
            }
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid url " + url + ": expected scheme://host... "
                    + "or unix:///path/to/socket");
        } catch (URISyntaxException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid url " + url + ": " + e.getReason());
        }
    }
}
