package io.skyport.gce.method.disk;

import com.google.cloud.compute.v1.Disk;
import com.google.cloud.compute.v1.DiskList;
import com.google.cloud.compute.v1.ListDisksRequest;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.disks.list", api = "gce", description = "Lists the disks of a zone: the volumes of "
        + "the project's account, data and root volumes alike.")
public class DisksList extends GceOperation<ListDisksRequest> {
    private final Disks disks;
    private final Locations locations;
    private final Operations operations;

    public DisksList(Disks disks, Locations locations, Operations operations) {
        super(ListDisksRequest.getDefaultInstance());
        this.disks = disks;
        this.locations = locations;
        this.operations = operations;
    }

    @Override
    protected Message run(ListDisksRequest r, GceCall call) {
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        String zoneName = Locations.zoneName(zone);
        Pages.Page<Disk> page = Pages.filtered(ZoneDisks.of(call, disks, operations, zone), r.getFilter(),
                r.getMaxResults(), r.getPageToken());
        return Pages.withToken(DiskList.newBuilder().setKind("compute#diskList")
                .setId("projects/" + call.project() + "/zones/" + zoneName + "/disks").addAllItems(page.items())
                .setSelfLink(call.zoneLink(zoneName) + "/disks"), page).build();
    }
}
