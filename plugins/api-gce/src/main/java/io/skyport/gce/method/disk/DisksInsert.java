package io.skyport.gce.method.disk;

import com.google.cloud.compute.v1.Disk;
import com.google.cloud.compute.v1.InsertDiskRequest;
import com.google.protobuf.Message;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.infra.Zone;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Descriptions;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.gce.service.ResourceNames;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import org.springframework.transaction.support.TransactionTemplate;

@ApiCommand(name = "compute.disks.insert", api = "gce", description = "Creates a blank disk: a data volume of the "
        + "project's account, of the offering with its size or else the one of customized size.")
public class DisksInsert extends GceOperation<InsertDiskRequest> {
    /** A blank disk without sizeGb: small, where GCE's 500 GB would spend most clouds' storage quota at once. */
    static final long DEFAULT_SIZE_GB = 10;

    private final Disks disks;
    private final VolumeService volumes;
    private final Locations locations;
    private final Operations operations;
    private final GceIds ids;
    private final TransactionTemplate tx;

    public DisksInsert(Disks disks, VolumeService volumes, Locations locations, Operations operations, GceIds ids,
                       TransactionTemplate tx) {
        super(InsertDiskRequest.getDefaultInstance());
        this.disks = disks;
        this.volumes = volumes;
        this.locations = locations;
        this.operations = operations;
        this.ids = ids;
        this.tx = tx;
    }

    @Override
    protected Message run(InsertDiskRequest r, GceCall call) {
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        String zoneName = Locations.zoneName(zone);
        Disk d = r.getDiskResource();
        String name = d.getName();
        Descriptions.check(d.getDescription());
        ResourceNames.check("resource.name", name);
        String image = !r.getSourceImage().isEmpty() ? r.getSourceImage() : d.getSourceImage();
        if (!image.isEmpty()) {
            throw GceException.invalid("sourceImage", image, "Disks from images are not supported: volumes here "
                    + "are blank; an instance's boot disk is made from its image by instances.insert.");
        }
        if (d.hasSourceSnapshot() || d.hasSourceDisk()) {
            throw GceException.invalid("resource.sourceSnapshot", d.hasSourceSnapshot() ? d.getSourceSnapshot()
                    : d.getSourceDisk(), "Disks from snapshots or other disks are not supported.");
        }
        if (d.hasSizeGb() && d.getSizeGb() < 1) {
            throw GceException.invalid("resource.sizeGb", d.getSizeGb(), "Must be at least 1.");
        }
        long sizeGb = d.hasSizeGb() ? d.getSizeGb() : DEFAULT_SIZE_GB;
        DiskOffering offering = disks.offering(sizeGb);
        Long customSize = offering.customized() ? sizeGb : null;
        volumes.checkCreate(name, offering.id(), customSize);
        String path = Disks.path(zoneName, name);
        if (disks.find(call, zone, name).isPresent() || operations.pendingInserts(call, "zones/" + zoneName).stream()
                .anyMatch(p -> p.targetPath().equals(path))) {
            throw GceException.alreadyExists("projects/" + call.project() + "/" + path);
        }
        long id = Long.parseLong(GceIds.mint());
        // inserts of one name queue behind each other, so the job's own check sees a disk an earlier one made
        String syncKey = "GceDisk:" + call.accountId() + ":" + path;
        return operations.submit(call, new Operations.Work("compute.disks.insert", "zones/" + zoneName, path, id,
                "Volume", null, syncKey), jobUuid -> {
                    if (disks.find(call, zone, name).isPresent()) {
                        throw new ApiException(ApiError.CONFLICT, "The resource 'projects/" + call.project() + "/"
                                + path + "' already exists");
                    }
                    tx.executeWithoutResult(s -> {
                        Volume v = volumes.create(call.ctx(), call.accountId(), name, zone.id(), offering.id(),
                                customSize);
                        ids.assign(Disks.KIND, v.uuid(), id, v.accountId());
                        disks.describe(v, d.getDescription());
                    });
                    return null;
                });
    }
}
