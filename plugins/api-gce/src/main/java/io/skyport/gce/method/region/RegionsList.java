package io.skyport.gce.method.region;

import com.google.cloud.compute.v1.ListRegionsRequest;
import com.google.cloud.compute.v1.Region;
import com.google.cloud.compute.v1.RegionList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.regions.list", api = "gce", description = "Lists the regions.")
public class RegionsList extends GceOperation<ListRegionsRequest> {
    private final Locations locations;
    private final GceIds ids;

    public RegionsList(Locations locations, GceIds ids) {
        super(ListRegionsRequest.getDefaultInstance());
        this.locations = locations;
        this.ids = ids;
    }

    @Override
    protected Message run(ListRegionsRequest r, GceCall call) {
        List<Region> all = locations.regions().stream().map(n -> Regions.view(call, n, locations, ids)).toList();
        Pages.Page<Region> page = Pages.filtered(all, r.getFilter(), r.getMaxResults(), r.getPageToken());
        return Pages.withToken(RegionList.newBuilder().setKind("compute#regionList").setId("projects/" + call.project() + "/regions")
                .addAllItems(page.items())
                .setSelfLink(call.link("regions")), page).build();
    }
}
