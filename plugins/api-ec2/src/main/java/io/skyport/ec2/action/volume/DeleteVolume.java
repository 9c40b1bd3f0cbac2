package io.skyport.ec2.action.volume;

import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Volumes;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeResponse;

@ApiCommand(name = "DeleteVolume", api = "ec2", description = "Deletes a detached volume.")
public class DeleteVolume extends Ec2Action<DeleteVolumeRequest> {
    private final VolumeService service;
    private final Volumes volumes;
    private final Ec2Ids ids;

    public DeleteVolume(VolumeService service, Volumes volumes, Ec2Ids ids) {
        super(DeleteVolumeRequest::builder);
        this.service = service;
        this.volumes = volumes;
        this.ids = ids;
    }

    @Override
    protected SdkPojo run(DeleteVolumeRequest request, CallContext ctx) {
        Volume v = volumes.find(ctx, request.volumeId());
        try {
            service.delete(ctx, v.id());
        } catch (ApiException e) {
            if (e.error() == ApiError.INVALID_STATE) {
                throw new Ec2Exception(Ec2Error.VOLUME_IN_USE, "Volume " + request.volumeId() + " is currently "
                        + "attached to an instance");
            }
            if (e.error() == ApiError.PARAM_ERROR) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_VALUE, "The root volume of an instance goes with "
                        + "the instance and cannot be deleted.");
            }
            throw e;
        }
        ids.forget(Ec2Ids.Kind.VOLUME, v.uuid());
        return DeleteVolumeResponse.builder().build();
    }
}
