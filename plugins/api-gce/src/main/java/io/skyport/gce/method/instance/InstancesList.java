package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstanceList;
import com.google.cloud.compute.v1.ListInstancesRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import io.skyport.core.vm.Vm;
import java.util.List;

@ApiCommand(name = "compute.instances.list", api = "gce", description = "Lists the instances of a zone.")
public class InstancesList extends GceOperation<ListInstancesRequest> {
    private final Instances instances;
    private final InstanceViews views;
    private final Locations locations;

    public InstancesList(Instances instances, InstanceViews views, Locations locations) {
        super(ListInstancesRequest.getDefaultInstance());
        this.instances = instances;
        this.views = views;
        this.locations = locations;
    }

    @Override
    protected Message run(ListInstancesRequest r, GceCall call) {
        var zone = locations.zoneOrThrow(call.project(), r.getZone());
        Pages.Page<Instance> page;
        if (r.getFilter().isBlank()) {
            // without a filter only the page's rows are read and built; the token is a row offset
            int size = Pages.size(r.getMaxResults());
            int from = Pages.offset(r.getPageToken());
            List<Vm> rows = instances.slice(call, zone, from, size + 1);
            List<Vm> live = rows.stream().limit(size).filter(Instances::live).toList();
            page = new Pages.Page<>(views.views(call, live), rows.size() > size ? Pages.token(from + size) : "");
        } else {
            page = Pages.filtered(views.views(call, instances.list(call, zone)), r.getFilter(), r.getMaxResults(),
                    r.getPageToken());
        }
        return Pages.withToken(InstanceList.newBuilder().setKind("compute#instanceList")
                .setId("projects/" + call.project() + "/zones/" + r.getZone() + "/instances")
                .addAllItems(page.items())
                .setSelfLink(call.zoneLink(r.getZone()) + "/instances"), page).build();
    }
}
