package io.skyport.ec2.view;

import io.skyport.core.catalog.Template;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.ArchitectureValues;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DeviceType;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.HypervisorType;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;
import software.amazon.awssdk.services.ec2.model.ImageTypeValues;
import software.amazon.awssdk.services.ec2.model.VirtualizationType;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** Templates as EC2 images. */
@Component
public class ImageViews {
    private final Ec2Ids ids;

    public ImageViews(Ec2Ids ids) {
        this.ids = ids;
    }

    public Image image(Template t) {
        long sizeGib = Math.max(1, (t.sizeBytes() + (1L << 30) - 1) >> 30);
        return Image.builder()
                .imageId(ids.of(Kind.IMAGE, t.uuid(), t.accountId()))
                .imageLocation(t.url() != null ? t.url() : t.image())
                .state("Ready".equalsIgnoreCase(t.state()) ? ImageState.AVAILABLE : ImageState.PENDING)
                .ownerId(InstanceViews.ownerId(t.accountId()))
                .creationDate(DateTimeFormatter.ISO_INSTANT.format(t.created()))
                .publicLaunchPermissions(t.isPublic())
                .architecture(ArchitectureValues.X86_64)
                .imageType(ImageTypeValues.MACHINE)
                .name(t.name())
                .description(t.displayText())
                .rootDeviceType(DeviceType.EBS)
                .rootDeviceName("/dev/sda1")
                .blockDeviceMappings(List.of(BlockDeviceMapping.builder().deviceName("/dev/sda1")
                        .ebs(EbsBlockDevice.builder().volumeSize((int) sizeGib).deleteOnTermination(true)
                                .volumeType(VolumeType.STANDARD).encrypted(false).build()).build()))
                .virtualizationType(VirtualizationType.HVM)
                .hypervisor(HypervisorType.XEN)
                .platformDetails("Linux/UNIX")
                .usageOperation("RunInstances")
                .enaSupport(true)
                .build();
    }
}
