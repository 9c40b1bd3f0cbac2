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
        List<Vm> vms = instances.list(call, zone);
        Pages.Page<Instance> page;
        if (r.getFilter().isBlank()) {
            // without a filter only the page's VMs need building
            Pages.Page<Vm> vmPage = Pages.page(vms, r.getMaxResults(), r.getPageToken());
            page = new Pages.Page<>(views.views(call, vmPage.items()), vmPage.nextPageToken());
        } else {
            page = Pages.filtered(views.views(call, vms), r.getFilter(), r.getMaxResults(), r.getPageToken());
        }
        return Pages.withToken(InstanceList.newBuilder().setKind("compute#instanceList")
                .setId("projects/" + call.project() + "/zones/" + r.getZone() + "/instances")
                .addAllItems(page.items())
                .setSelfLink(call.zoneLink(r.getZone()) + "/instances"), page).build();
    }
}
