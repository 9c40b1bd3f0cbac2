package io.skyport.api.command.volume;

import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.core.volume.VolumeService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "detachVolume", async = true, entity = "volume", description = "Detaches a disk volume from a "
        + "virtual machine.")
public class DetachVolume implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "volume", required = true, description = "the ID of the disk "
            + "volume")
    private Long id;

    private final VolumeService service;
    private final VolumeJob jobs;
    private final VolumeDao rows;

    public DetachVolume(VolumeService service, VolumeJob jobs, VolumeDao rows) {
        this.rows = rows;
        this.service = service;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        service.checkDetach(id);
        return jobs.submitOnVm(ctx, "detachVolume", id, rows.find(id).map(Volume::vmId).orElse(null),
                v -> service.detach(ctx, v));
    }
}
