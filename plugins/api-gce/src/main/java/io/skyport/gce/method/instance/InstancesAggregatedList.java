package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.AggregatedListInstancesRequest;
import com.google.cloud.compute.v1.Data;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstanceAggregatedList;
import com.google.cloud.compute.v1.InstancesScopedList;
import com.google.cloud.compute.v1.Warning;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Filter;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

@ApiCommand(name = "compute.instances.aggregatedList", api = "gce", description = "Lists the instances of every zone, keyed zones/<zone>.")
public class InstancesAggregatedList extends GceOperation<AggregatedListInstancesRequest> {
    private final Instances instances;
    private final InstanceViews views;
    private final Locations locations;

    public InstancesAggregatedList(Instances instances, InstanceViews views, Locations locations) {
        super(AggregatedListInstancesRequest.getDefaultInstance());
        this.instances = instances;
        this.views = views;
        this.locations = locations;
    }

    @Override
    protected Message run(AggregatedListInstancesRequest r, GceCall call) {
        Predicate<Message> keep = Filter.parse(r.getFilter());
        List<Instance> all = views.views(call, instances.list(call, null)).stream().filter(keep).toList();
        Pages.Page<Instance> page = Pages.page(all, r.getMaxResults(), r.getPageToken());
        Map<String, List<Instance>> byZone = new LinkedHashMap<>();
        for (var z : locations.all()) {
            byZone.put(Locations.zoneName(z), new ArrayList<>());
        }
        for (Instance i : page.items()) {
            byZone.computeIfAbsent(i.getZone().substring(i.getZone().lastIndexOf('/') + 1), k -> new ArrayList<>()).add(i);
        }
        InstanceAggregatedList.Builder out = InstanceAggregatedList.newBuilder().setKind("compute#instanceAggregatedList")
                .setId("projects/" + call.project() + "/aggregated/instances")
                .setSelfLink(call.link("aggregated/instances"));
        byZone.forEach((zone, items) -> {
            InstancesScopedList.Builder scoped = InstancesScopedList.newBuilder().addAllInstances(items);
            if (items.isEmpty()) {
                scoped.setWarning(Warning.newBuilder().setCode("NO_RESULTS_ON_PAGE").setMessage("There are no results "
                        + "for scope 'zones/" + zone + "' on this page.").addData(Data.newBuilder().setKey("scope")
                        .setValue("zones/" + zone)));
            }
            out.putItems("zones/" + zone, scoped.build());
        });
        return Pages.withToken(out, page).build();
    }
}
