package io.skyport.api.command.volume;

import io.skyport.core.volume.VolumeService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "resizeVolume", async = true, entity = "volume", description = "Resizes a volume")
public class ResizeVolume implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "volume", required = true, description = "the ID of the disk "
            + "volume")
    private Long id;

    @Param(name = "size", type = ParamType.LONG, description = "New volume size in GB")
    private Long size;

    @Param(name = "diskofferingid", type = ParamType.UUID, entity = "diskoffering", description = "new disk offering id")
    private Long diskOfferingId;

    private final VolumeService service;
    private final VolumeJob jobs;

    public ResizeVolume(VolumeService service, VolumeJob jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        service.checkResize(id, size, diskOfferingId);
        return jobs.submit(ctx, "resizeVolume", id, v -> service.resize(ctx, v, size, diskOfferingId));
    }
}
