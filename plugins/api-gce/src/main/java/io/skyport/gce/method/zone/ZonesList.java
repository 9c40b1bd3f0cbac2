package io.skyport.gce.method.zone;

import com.google.cloud.compute.v1.ListZonesRequest;
import com.google.cloud.compute.v1.Zone;
import com.google.cloud.compute.v1.ZoneList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.zones.list", api = "gce", description = "Lists the zones.")
public class ZonesList extends GceOperation<ListZonesRequest> {
    private final Locations locations;
    private final GceIds ids;

    public ZonesList(Locations locations, GceIds ids) {
        super(ListZonesRequest.getDefaultInstance());
        this.locations = locations;
        this.ids = ids;
    }

    @Override
    protected Message run(ListZonesRequest r, GceCall call) {
        List<Zone> all = locations.all().stream().map(z -> Zones.view(call, z, ids)).toList();
        Pages.Page<Zone> page = Pages.filtered(all, r.getFilter(), r.getMaxResults(), r.getPageToken());
        return Pages.withToken(ZoneList.newBuilder().setKind("compute#zoneList").setId("projects/" + call.project() + "/zones")
                .addAllItems(page.items())
                .setSelfLink(call.link("zones")), page).build();
    }
}
