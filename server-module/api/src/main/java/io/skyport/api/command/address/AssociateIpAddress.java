package io.skyport.api.command.address;

import io.skyport.api.NativeJobs;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "associateIpAddress", async = true, entity = "ipaddress", description = "Acquires and associates "
        + "a public IP to an account.")
public class AssociateIpAddress implements ApiOperation {
    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true, description = "the ID of the "
            + "availability zone you want to acquire an public IP address from")
    private Long zoneId;

    private final PublicIpService service;
    private final PublicIpViews views;
    private final NativeJobs jobs;

    public AssociateIpAddress(PublicIpService service, PublicIpViews views, NativeJobs jobs) {
        this.service = service;
        this.views = views;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        return jobs.submit(ctx, "associateIpAddress", "IpAddress", null, false,
                () -> new EntityResponse("ipaddress", views.view(service.associate(ctx, ctx.accountId(), zoneId))));
    }
}
