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

@ApiCommand(name = "disableStaticNat", async = true, description = "Disables static rule for given IP address")
public class DisableStaticNat implements ApiOperation {
    @Param(name = "ipaddressid", type = ParamType.UUID, entity = "publicip", required = true, description = "the "
            + "public IP address ID for which static NAT feature is being disabled")
    private Long ipId;

    private final PublicIpService service;
    private final PublicIpDao ips;
    private final NativeJobs jobs;

    public DisableStaticNat(PublicIpService service, PublicIpDao ips, NativeJobs jobs) {
        this.service = service;
        this.ips = ips;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        String uuid = ips.find(ipId).orElseThrow().uuid();
        return jobs.submit(ctx, "disableStaticNat", "IpAddress", uuid, false, () -> {
            service.disableStaticNat(ctx, ipId);
            return SuccessResponse.ok();
        });
    }
}
