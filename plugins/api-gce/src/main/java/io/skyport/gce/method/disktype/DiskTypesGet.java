package io.skyport.gce.method.disktype;

import com.google.cloud.compute.v1.DiskType;
import com.google.cloud.compute.v1.GetDiskTypeRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.diskTypes.get", api = "gce", description = "Returns the one disk type, pd-standard: "
        + "the core has one kind of volume.")
public class DiskTypesGet extends GceOperation<GetDiskTypeRequest> {
    private final Locations locations;

    public DiskTypesGet(Locations locations) {
        super(GetDiskTypeRequest.getDefaultInstance());
        this.locations = locations;
    }

    @Override
    protected Message run(GetDiskTypeRequest r, GceCall call) {
        locations.zoneOrThrow(call.project(), r.getZone());
        if (!Disks.DISK_TYPE.equals(r.getDiskType())) {
            throw GceException.notFound("projects/" + call.project() + "/zones/" + r.getZone() + "/diskTypes/"
                    + r.getDiskType());
        }
        return DiskType.newBuilder().setKind("compute#diskType").setName(Disks.DISK_TYPE)
                .setDescription("Standard Persistent Disk").setValidDiskSize("1GB-65536GB").setDefaultDiskSizeGb(10)
                .setZone(call.zoneLink(r.getZone())).setSelfLink(call.zoneLink(r.getZone(), "diskTypes",
                        Disks.DISK_TYPE)).build();
    }
}
