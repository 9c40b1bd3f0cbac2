package io.skyport.api.command.volume;

import io.skyport.api.NativeJobs;
import io.skyport.core.volume.VolumeService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createVolume", async = true, entity = "volume", description = "Creates a disk volume from a disk "
        + "offering.")
public class CreateVolume implements ApiOperation {
    @Param(name = "name", description = "the name of the disk volume")
    private String name;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true, description = "the ID of the "
            + "availability zone")
    private Long zoneId;

    @Param(name = "diskofferingid", type = ParamType.UUID, entity = "diskoffering", required = true,
            description = "the ID of the disk offering.")
    private Long diskOfferingId;

    @Param(name = "size", type = ParamType.LONG, description = "Arbitrary volume size (GB), for customized offerings")
    private Long size;

    private final VolumeService service;
    private final VolumeViews views;
    private final NativeJobs jobs;

    public CreateVolume(VolumeService service, VolumeViews views, NativeJobs jobs) {
        this.service = service;
        this.views = views;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        service.checkCreate(name, diskOfferingId, size);
        return jobs.submit(ctx, "createVolume", "Volume", null, false, () -> new EntityResponse("volume",
                views.view(service.create(ctx, ctx.accountId(), name, zoneId, diskOfferingId, size))));
    }
}
