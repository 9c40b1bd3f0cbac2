package io.skyport.gce.method.disk;

import com.google.cloud.compute.v1.GetDiskRequest;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.disks.get", api = "gce", description = "Returns one disk: a volume of the project's "
        + "account.")
public class DisksGet extends GceOperation<GetDiskRequest> {
    private final Disks disks;
    private final Locations locations;
    private final Operations operations;

    public DisksGet(Disks disks, Locations locations, Operations operations) {
        super(GetDiskRequest.getDefaultInstance());
        this.disks = disks;
        this.locations = locations;
        this.operations = operations;
    }

    @Override
    protected Message run(GetDiskRequest r, GceCall call) {
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        String zoneName = Locations.zoneName(zone);
        return disks.find(call, zone, r.getDisk()).map(v -> (Message) disks.view(call, v))
                .or(() -> java.util.Optional.ofNullable(disks.creating(call, zoneName,
                        operations.pendingInserts(call, "zones/" + zoneName)).get(r.getDisk())))
                .orElseThrow(() -> Disks.notFound(call, zoneName, r.getDisk()));
    }
}
