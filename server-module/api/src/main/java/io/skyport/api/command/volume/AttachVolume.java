package io.skyport.api.command.volume;

import io.skyport.core.volume.VolumeService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "attachVolume", async = true, entity = "volume", description = "Attaches a disk volume to a "
        + "virtual machine.")
public class AttachVolume implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "volume", required = true, description = "the ID of the disk "
            + "volume")
    private Long id;

    @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm", required = true, description = "the ID of "
            + "the virtual machine")
    private Long vmId;

    @Param(name = "deviceid", type = ParamType.INTEGER, description = "The ID of the device to map the volume to the "
            + "guest OS (1..15; the next free one when omitted)")
    private Integer deviceId;

    private final VolumeService service;
    private final VolumeJob jobs;

    public AttachVolume(VolumeService service, VolumeJob jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        service.checkAttach(id, deviceId);
        return jobs.submitOnVm(ctx, "attachVolume", id, vmId, v -> service.attach(ctx, v, vmId, deviceId));
    }
}
