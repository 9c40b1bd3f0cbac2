package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.publicip.PublicIpRanges;
import io.skyport.core.publicip.VlanIpRange;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createVlanIpRange", entity = "vlan", roles = {Role.ADMIN}, description = "Creates a VLAN IP range.")
public class CreateVlanIpRange implements ApiOperation {
    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true,
            description = "the Zone ID of the VLAN IP range")
    private Long zoneId;

    @Param(name = "vlan", description = "the ID or VID of the VLAN. If not specified, will be defaulted to the vlan "
            + "of the network or if vlan of the network is null - to Untagged")
    private String vlan;

    @Param(name = "gateway", required = true, description = "the gateway of the VLAN IP range")
    private String gateway;

    @Param(name = "netmask", required = true, description = "the netmask of the VLAN IP range")
    private String netmask;

    @Param(name = "startip", required = true, description = "the beginning IP address in the VLAN IP range")
    private String startIp;

    @Param(name = "endip", description = "the ending IP address in the VLAN IP range")
    private String endIp;

    @Param(name = "forvirtualnetwork", type = ParamType.BOOLEAN, description = "true if VLAN is of Virtual type, false "
            + "if Direct (Skyport's public ranges are Virtual)")
    private Boolean forVirtualNetwork;

    private final PublicIpRanges ranges;
    private final InfraViews views;

    public CreateVlanIpRange(PublicIpRanges ranges, InfraViews views) {
        this.ranges = ranges;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (Boolean.FALSE.equals(forVirtualNetwork)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Skyport's IP ranges are public (forvirtualnetwork=true); "
                    + "guest addresses come from the zone's guest CIDR");
        }
        VlanIpRange r = ranges.create(ctx, zoneId, vlan, gateway, netmask, startIp, endIp);
        return new EntityResponse("vlan", views.vlan(r));
    }
}
