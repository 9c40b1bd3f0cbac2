package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.GetInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.get", api = "gce", description = "Returns one instance.")
public class InstancesGet extends GceOperation<GetInstanceRequest> {
    private final Instances instances;
    private final InstanceViews views;

    public InstancesGet(Instances instances, InstanceViews views) {
        super(GetInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.views = views;
    }

    @Override
    protected Message run(GetInstanceRequest r, GceCall call) {
        return views.view(call, instances.find(call, r.getZone(), r.getInstance()));
    }
}
