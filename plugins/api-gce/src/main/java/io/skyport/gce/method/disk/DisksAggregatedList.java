package io.skyport.gce.method.disk;

import com.google.cloud.compute.v1.AggregatedListDisksRequest;
import com.google.cloud.compute.v1.Data;
import com.google.cloud.compute.v1.Disk;
import com.google.cloud.compute.v1.DiskAggregatedList;
import com.google.cloud.compute.v1.DisksScopedList;
import com.google.cloud.compute.v1.Warning;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.gce.view.Filter;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

@ApiCommand(name = "compute.disks.aggregatedList", api = "gce", description = "Lists the disks of every zone, "
        + "keyed zones/<zone>.")
public class DisksAggregatedList extends GceOperation<AggregatedListDisksRequest> {
    private final Disks disks;
    private final Locations locations;
    private final Operations operations;

    public DisksAggregatedList(Disks disks, Locations locations, Operations operations) {
        super(AggregatedListDisksRequest.getDefaultInstance());
        this.disks = disks;
        this.locations = locations;
        this.operations = operations;
    }

    private record Scoped(String scope, Disk disk) {
    }

    @Override
    protected Message run(AggregatedListDisksRequest r, GceCall call) {
        Predicate<Message> keep = Filter.parse(r.getFilter());
        List<String> scopes = new ArrayList<>();
        List<Scoped> all = new ArrayList<>();
        for (Zone z : locations.all()) {
            String scope = "zones/" + Locations.zoneName(z);
            scopes.add(scope);
            ZoneDisks.of(call, disks, operations, z).stream().filter(keep).forEach(d -> all.add(new Scoped(scope, d)));
        }
        // one page over the disks of all zones, as GCE pages aggregated lists
        Pages.Page<Scoped> page = Pages.page(all, r.getMaxResults(), r.getPageToken());
        Map<String, DisksScopedList.Builder> byScope = new LinkedHashMap<>();
        scopes.forEach(s -> byScope.put(s, DisksScopedList.newBuilder()));
        page.items().forEach(s -> byScope.get(s.scope()).addDisks(s.disk()));
        DiskAggregatedList.Builder out = Pages.withToken(DiskAggregatedList.newBuilder()
                .setKind("compute#diskAggregatedList").setId("projects/" + call.project() + "/aggregated/disks")
                .setSelfLink(call.link("aggregated/disks")), page);
        byScope.forEach((scope, b) -> {
            if (b.getDisksCount() == 0) {
                b.setWarning(Warning.newBuilder().setCode(Warning.Code.NO_RESULTS_ON_PAGE.name())
                        .setMessage("There are no results for scope '" + scope + "' on this page.")
                        .addData(Data.newBuilder().setKey("scope").setValue(scope)));
            }
            out.putItems(scope, b.build());
        });
        return out.build();
    }
}
