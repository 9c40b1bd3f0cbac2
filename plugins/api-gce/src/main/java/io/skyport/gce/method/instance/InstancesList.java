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
        List<Instance> all = views.views(call, instances.list(call, zone));
        Pages.Page<Instance> page = Pages.filtered(all, r.getFilter(), r.getMaxResults(), r.getPageToken());
        return InstanceList.newBuilder().setKind("compute#instanceList")
                .setId("projects/" + call.project() + "/zones/" + r.getZone() + "/instances")
                .addAllItems(page.items()).setNextPageToken(page.nextPageToken())
                .setSelfLink(call.zoneLink(r.getZone()) + "/instances").build();
    }
}
