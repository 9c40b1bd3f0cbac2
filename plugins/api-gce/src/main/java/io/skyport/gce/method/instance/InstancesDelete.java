package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.DeleteInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Descriptions;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.delete", api = "gce", description = "Deletes an instance: stops it if running, destroys and expunges it with its root disk.")
public class InstancesDelete extends GceOperation<DeleteInstanceRequest> {
    private final Instances instances;
    private final VmOperations ops;
    private final InstanceMetadata metadata;
    private final Descriptions descriptions;

    public InstancesDelete(Instances instances, VmOperations ops, InstanceMetadata metadata, Descriptions descriptions) {
        super(DeleteInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.ops = ops;
        this.metadata = metadata;
        this.descriptions = descriptions;
    }

    @Override
    protected Message run(DeleteInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        return instances.submit(call, "compute.instances.delete", vm, id -> {
            Vm done = ops.destroy(call.ctx(), id, true);
            metadata.forget(vm.uuid());
            descriptions.forget(vm.uuid());
            return done;
        });
    }
}
