package io.skyport.api.command.volume;

import io.skyport.core.volume.VolumeService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteVolume", description = "Deletes a detached disk volume.")
public class DeleteVolume implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "volume", required = true, description = "The ID of the disk "
            + "volume")
    private Long id;

    private final VolumeService service;

    public DeleteVolume(VolumeService service) {
        this.service = service;
    }

    @Override
    public Object execute(CallContext ctx) {
        service.delete(ctx, id);
        return SuccessResponse.ok();
    }
}
