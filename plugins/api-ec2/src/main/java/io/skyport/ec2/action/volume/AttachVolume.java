package io.skyport.ec2.action.volume;

import io.skyport.core.vm.Vm;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.Volumes;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AttachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.AttachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;

@ApiCommand(name = "AttachVolume", api = "ec2", description = "Attaches a volume to an instance.")
public class AttachVolume extends Ec2Action<AttachVolumeRequest> {
    private final VolumeService service;
    private final Volumes volumes;
    private final Ec2Instances instances;

    public AttachVolume(VolumeService service, Volumes volumes, Ec2Instances instances) {
        super(AttachVolumeRequest::builder);
        this.service = service;
        this.volumes = volumes;
        this.instances = instances;
    }

    @Override
    protected SdkPojo run(AttachVolumeRequest request, CallContext ctx) {
        if (request.device() == null) {
            throw Ec2Exception.missing("Device");
        }
        Volume v = volumes.find(ctx, request.volumeId());
        Vm vm = instances.resolve(List.of(request.instanceId()), ctx).get(0);
        Volume attached;
        try {
            attached = service.attach(ctx, v.id(), vm.id(), Volumes.slot(request.device()));
        } catch (ApiException e) {
            if (e.error() == ApiError.INVALID_STATE) {
                throw new Ec2Exception(v.vmId() != null ? Ec2Error.VOLUME_IN_USE : Ec2Error.INCORRECT_STATE,
                        e.getMessage());
            }
            throw e;
        }
        VolumeAttachment a = volumes.attachment(attached, VolumeAttachmentState.ATTACHED);
        return AttachVolumeResponse.builder().volumeId(a.volumeId()).instanceId(a.instanceId()).device(a.device())
                .state(a.state()).attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination()).build();
    }
}
