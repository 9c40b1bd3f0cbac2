package io.skyport.gce.method.disk;

import com.google.cloud.compute.v1.DeleteDiskRequest;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.disks.delete", api = "gce", description = "Deletes a disk no instance uses.")
public class DisksDelete extends GceOperation<DeleteDiskRequest> {
    private final Disks disks;
    private final VolumeService volumes;
    private final Locations locations;
    private final Operations operations;
    private final GceIds ids;

    public DisksDelete(Disks disks, VolumeService volumes, Locations locations, Operations operations, GceIds ids) {
        super(DeleteDiskRequest.getDefaultInstance());
        this.disks = disks;
        this.volumes = volumes;
        this.locations = locations;
        this.operations = operations;
        this.ids = ids;
    }

    @Override
    protected Message run(DeleteDiskRequest r, GceCall call) {
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        String zoneName = Locations.zoneName(zone);
        Volume v = disks.findOrThrow(call, zone, r.getDisk());
        if (v.vmId() != null) {
            String user = disks.views(call, java.util.List.of(v)).get(0).getUsersList().stream().findFirst()
                    .orElse("an instance");
            throw Disks.inUse(call, zoneName, Disks.name(v), user);
        }
        if (!"DATADISK".equals(v.volumeType())) {
            throw GceException.invalid("disk", r.getDisk(), "A boot disk goes with its instance and cannot be "
                    + "deleted by itself.");
        }
        long id = ids.id(Disks.KIND, v.uuid(), v.accountId());
        return operations.submit(call, new Operations.Work("compute.disks.delete", "zones/" + zoneName,
                Disks.path(zoneName, Disks.name(v)), id, "Volume", v.uuid(), "Volume:" + v.uuid()), jobUuid -> {
                    volumes.delete(call.ctx(), v.id());
                    ids.forget(Disks.KIND, v.uuid());
                    disks.forget(v);
                    return null;
                });
    }
}
