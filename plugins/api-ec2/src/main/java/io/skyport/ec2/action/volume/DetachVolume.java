package io.skyport.ec2.action.volume;

import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Volumes;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DetachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DetachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;

@ApiCommand(name = "DetachVolume", api = "ec2", description = "Detaches a volume from its instance.")
public class DetachVolume extends Ec2Action<DetachVolumeRequest> {
    private final VolumeService service;
    private final Volumes volumes;

    public DetachVolume(VolumeService service, Volumes volumes) {
        super(DetachVolumeRequest::builder);
        this.service = service;
        this.volumes = volumes;
    }

    @Override
    protected SdkPojo run(DetachVolumeRequest request, CallContext ctx) {
        Volume v = volumes.find(ctx, request.volumeId());
        if (v.vmId() == null) {
            throw new Ec2Exception(Ec2Error.INCORRECT_STATE, "Volume '" + request.volumeId() + "' is in the "
                    + "'available' state.");
        }
        VolumeAttachment before = volumes.attachment(v, VolumeAttachmentState.DETACHING);
        if (request.instanceId() != null && !request.instanceId().equals(before.instanceId())) {
            throw Ec2Exception.invalid("InstanceId", request.instanceId(), "The volume is not attached to it.");
        }
        if ("ROOT".equals(v.volumeType())) {
            throw new Ec2Exception(Ec2Error.UNSUPPORTED_OPERATION, "The root volume of an instance cannot be detached.");
        }
        service.detach(ctx, v.id());
        return DetachVolumeResponse.builder().volumeId(before.volumeId()).instanceId(before.instanceId())
                .device(before.device()).state(VolumeAttachmentState.DETACHED).attachTime(before.attachTime())
                .deleteOnTermination(before.deleteOnTermination()).build();
    }
}
