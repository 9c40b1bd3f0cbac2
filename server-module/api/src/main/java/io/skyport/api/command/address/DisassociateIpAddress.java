package io.skyport.api.command.address;

import io.skyport.api.NativeJobs;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "disassociateIpAddress", async = true, description = "Disassociates an IP address from the "
        + "account.")
public class DisassociateIpAddress implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "publicip", required = true, description = "the ID of the "
            + "public IP address to disassociate")
    private Long id;

    private final PublicIpService service;
    private final PublicIpDao ips;
    private final NativeJobs jobs;

    public DisassociateIpAddress(PublicIpService service, PublicIpDao ips, NativeJobs jobs) {
        this.service = service;
        this.ips = ips;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        String uuid = ips.find(id).orElseThrow().uuid();
        return jobs.submit(ctx, "disassociateIpAddress", "IpAddress", uuid, false, () -> {
            service.disassociate(ctx, id);
            return SuccessResponse.ok();
        });
    }
}
