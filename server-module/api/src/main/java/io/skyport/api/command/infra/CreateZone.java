package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.Zone;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createZone", entity = "zone", roles = {Role.ADMIN}, description = "Creates a Zone.")
public class CreateZone implements ApiOperation {
    @Param(name = "name", required = true, description = "the name of the Zone")
    private String name;

    @Param(name = "description", description = "the description of the Zone")
    private String description;

    @Param(name = "networktype", required = true, description = "network type of the zone, can be Basic or Advanced "
            + "(Skyport zones are Advanced)")
    private String networkType;

    @Param(name = "dns1", required = true, description = "the first DNS for the Zone")
    private String dns1;

    @Param(name = "dns2", description = "the second DNS for the Zone")
    private String dns2;

    @Param(name = "internaldns1", required = true, description = "the first internal DNS for the Zone")
    private String internalDns1;

    @Param(name = "internaldns2", description = "the second internal DNS for the Zone")
    private String internalDns2;

    @Param(name = "guestcidraddress", description = "the guest CIDR address for the Zone")
    private String guestCidr;

    @Param(name = "domain", description = "Network domain name for the networks in the zone")
    private String domain;

    @Param(name = "securitygroupenabled", type = ParamType.BOOLEAN, description = "true if network is security group "
            + "enabled, false otherwise")
    private Boolean securityGroupEnabled;

    private final InfraService infra;
    private final InfraViews views;

    public CreateZone(InfraService infra, InfraViews views) {
        this.infra = infra;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (!"Advanced".equalsIgnoreCase(networkType)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid networktype " + networkType
                    + ": Skyport zones are Advanced zones (with security groups when securitygroupenabled=true)");
        }
        if (name.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Zone name must not be empty");
        }
        Zone z = infra.createZone(ctx, new InfraService.NewZone(name.trim(), description,
                Addresses.ipv4("dns1", dns1), Addresses.ipv4("dns2", dns2),
                Addresses.ipv4("internaldns1", internalDns1), Addresses.ipv4("internaldns2", internalDns2),
                Addresses.cidr("guestcidraddress", guestCidr), domain, Boolean.TRUE.equals(securityGroupEnabled)));
        return new EntityResponse("zone", views.zone(z, true, false));
    }
}
