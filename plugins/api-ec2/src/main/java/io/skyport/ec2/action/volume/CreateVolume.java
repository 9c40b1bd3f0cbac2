package io.skyport.ec2.action.volume;

import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.tag.TagService;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Tags;
import io.skyport.ec2.service.Volumes;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;

/** A data volume of the requested size, from the zone's custom-size disk offering (or one of that size). */
@ApiCommand(name = "CreateVolume", api = "ec2", description = "Creates a data volume.")
public class CreateVolume extends Ec2Action<CreateVolumeRequest> {
    private final VolumeService service;
    private final Volumes volumes;
    private final DiskOfferingDao offerings;
    private final ZoneDao zones;
    private final TagService tags;
    private final TransactionTemplate tx;

    public CreateVolume(VolumeService service, Volumes volumes, DiskOfferingDao offerings, ZoneDao zones,
                        TagService tags, TransactionTemplate tx) {
        super(CreateVolumeRequest::builder);
        this.service = service;
        this.volumes = volumes;
        this.offerings = offerings;
        this.zones = zones;
        this.tags = tags;
        this.tx = tx;
    }

    @Override
    protected SdkPojo run(CreateVolumeRequest request, CallContext ctx) {
        if (request.availabilityZone() == null) {
            throw Ec2Exception.missing("AvailabilityZone");
        }
        if (request.snapshotId() != null) {
            throw Ec2Exception.invalid("SnapshotId", request.snapshotId(), "Snapshots are not offered here.");
        }
        if (request.size() == null) {
            throw Ec2Exception.missing("Size");
        }
        Zone zone = zones.zoneByName(request.availabilityZone()).orElseThrow(() -> Ec2Exception.invalid(
                "AvailabilityZone", request.availabilityZone(), "Invalid availability zone: ["
                        + request.availabilityZone() + "]"));
        int size = request.size();
        List<DiskOffering> all = offerings.list(null, null, null);
        DiskOffering offering = all.stream().filter(o -> !o.customized() && o.diskSizeGb() == size).findFirst()
                .or(() -> all.stream().filter(DiskOffering::customized).findFirst())
                .orElseThrow(() -> Ec2Exception.invalid("Size", size, "No disk offering provides " + size + " GiB."));
        Map<String, String> pairs = Tags.of(request.tagSpecifications(), "volume");
        Volume v;
        try {
            v = tx.execute(s -> {
                Volume created = service.create(ctx, ctx.accountId(), null, zone.id(), offering.id(),
                        offering.customized() ? (long) size : null);
                if (!pairs.isEmpty()) {
                    tags.create(ctx, "Volume", List.of(created.uuid()), pairs);
                }
                return created;
            });
        } catch (ApiException e) {
            if (e.error() == ApiError.RESOURCE_LIMIT) {
                throw new Ec2Exception(Ec2Error.VOLUME_LIMIT_EXCEEDED, e.getMessage());
            }
            throw e;
        }
        software.amazon.awssdk.services.ec2.model.Volume view = volumes.view(v, Tags.list(pairs));
        return CreateVolumeResponse.builder().volumeId(view.volumeId()).size(view.size()).snapshotId("")
                .availabilityZone(view.availabilityZone()).state(view.state()).createTime(view.createTime())
                .volumeType(view.volumeType()).encrypted(false).multiAttachEnabled(false).tags(view.tags()).build();
    }
}
