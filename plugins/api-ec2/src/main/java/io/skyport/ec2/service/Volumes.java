package io.skyport.ec2.service;

import io.skyport.core.infra.ZoneDao;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * Core volumes as EC2 volumes. Device names map to the core's device slots: the root disk is
 * {@code /dev/sda1} (slot 0), {@code /dev/sdb} or {@code /dev/xvdb} is slot 1, and so on.
 */
@Component
public class Volumes {
    private static final long GIB = 1L << 30;
    private final Ec2Ids ids;
    private final VolumeDao volumes;
    private final VmDao vms;
    private final ZoneDao zones;

    public Volumes(Ec2Ids ids, VolumeDao volumes, VmDao vms, ZoneDao zones) {
        this.ids = ids;
        this.volumes = volumes;
        this.vms = vms;
        this.zones = zones;
    }

    public Volume find(CallContext ctx, String volumeId) {
        String uuid = ids.resolve(Kind.VOLUME, volumeId, ctx, "VolumeId");
        return volumes.findByUuid(uuid).filter(v -> v.accountId() == ctx.accountId())
                .orElseThrow(() -> new Ec2Exception(Kind.VOLUME.notFound(), Ec2Ids.notFoundMessage(Kind.VOLUME,
                        volumeId)));
    }

    public String id(Volume v) {
        return ids.of(Kind.VOLUME, v.uuid(), v.accountId());
    }

    public static String deviceName(Integer slot) {
        if (slot == null) {
            return null;
        }
        return slot == 0 ? "/dev/sda1" : "/dev/sd" + (char) ('a' + slot);
    }

    /** The device slot an EC2 device name stands for ({@code /dev/sdf}, {@code /dev/xvdf}, {@code xvdf}). */
    public static int slot(String device) {
        String d = device.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:/dev/)?(?:sd|xvd|hd|vd)([b-z])").matcher(d);
        if (!m.matches()) {
            throw Ec2Exception.invalid("Device", device, "Use a device name such as /dev/sdf (b..z).");
        }
        return m.group(1).charAt(0) - 'a';
    }

    public software.amazon.awssdk.services.ec2.model.Volume view(Volume v, List<Tag> tags) {
        boolean attached = v.vmId() != null;
        software.amazon.awssdk.services.ec2.model.Volume.Builder b = software.amazon.awssdk.services.ec2.model.Volume
                .builder().volumeId(id(v)).size((int) Math.max(1, v.sizeBytes() / GIB)).snapshotId("")
                .availabilityZone(zones.zone(v.zoneId()).map(z -> z.name()).orElse(null))
                .state(attached ? VolumeState.IN_USE : VolumeState.AVAILABLE).createTime(v.created())
                .volumeType(VolumeType.STANDARD).encrypted(false).multiAttachEnabled(false).tags(tags);
        b.attachments(attached ? List.of(attachment(v, VolumeAttachmentState.ATTACHED)) : List.of());
        return b.build();
    }

    public VolumeAttachment attachment(Volume v, VolumeAttachmentState state) {
        Vm vm = v.vmId() == null ? null : vms.find(v.vmId()).orElse(null);
        return VolumeAttachment.builder().volumeId(id(v))
                .instanceId(vm == null ? null : ids.of(Kind.INSTANCE, vm.uuid(), vm.accountId()))
                .device(deviceName(v.deviceId())).state(state).attachTime(v.created())
                .deleteOnTermination("ROOT".equals(v.volumeType())).build();
    }
}
