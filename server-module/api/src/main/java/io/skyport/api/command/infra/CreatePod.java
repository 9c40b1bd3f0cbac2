package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.Pod;
import io.skyport.core.network.Ipv4;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createPod", entity = "pod", roles = {Role.ADMIN}, description = "Creates a new Pod.")
public class CreatePod implements ApiOperation {
    @Param(name = "name", required = true, description = "the name of the Pod")
    private String name;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true,
            description = "the Zone ID in which the Pod will be created")
    private Long zoneId;

    @Param(name = "gateway", description = "the gateway for the Pod")
    private String gateway;

    @Param(name = "netmask", description = "the netmask for the Pod")
    private String netmask;

    @Param(name = "startip", description = "the starting IP address for the Pod")
    private String startIp;

    @Param(name = "endip", description = "the ending IP address for the Pod")
    private String endIp;

    private final InfraService infra;
    private final InfraViews views;

    public CreatePod(InfraService infra, InfraViews views) {
        this.infra = infra;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (name.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Pod name must not be empty");
        }
        String start = Addresses.ipv4("startip", startIp);
        String end = Addresses.ipv4("endip", endIp);
        if (start == null && end != null) {
            throw new ApiException(ApiError.PARAM_ERROR, "endip needs a startip");
        }
        if (start != null && end != null && Ipv4.parse(end) < Ipv4.parse(start)) {
            throw new ApiException(ApiError.PARAM_ERROR, "endip " + end + " is lower than startip " + start);
        }
        Pod pod = infra.createPod(ctx, zoneId, name, Addresses.ipv4("gateway", gateway),
                Addresses.ipv4("netmask", netmask), start, end);
        return new EntityResponse("pod", views.pod(pod));
    }
}
