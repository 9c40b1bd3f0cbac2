package io.skyport.api.command.address;

import io.skyport.core.publicip.PublicIpService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "enableStaticNat", description = "Enables static NAT for given IP address")
public class EnableStaticNat implements ApiOperation {
    @Param(name = "ipaddressid", type = ParamType.UUID, entity = "publicip", required = true, description = "the "
            + "public IP address ID for which static NAT feature is being enabled")
    private Long ipId;

    @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm", required = true, description = "the ID of "
            + "the virtual machine for enabling static NAT feature")
    private Long vmId;

    private final PublicIpService service;

    public EnableStaticNat(PublicIpService service) {
        this.service = service;
    }

    @Override
    public Object execute(CallContext ctx) {
        service.enableStaticNat(ctx, ipId, vmId);
        return SuccessResponse.ok();
    }
}
