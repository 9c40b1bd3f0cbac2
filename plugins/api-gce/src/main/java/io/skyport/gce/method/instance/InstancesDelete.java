package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.DeleteInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.delete", api = "gce", description = "Deletes an instance: stops it if running, destroys and expunges it with its root disk.")
public class InstancesDelete extends GceOperation<DeleteInstanceRequest> {
    private final Instances instances;
    private final VmOperations ops;

    public InstancesDelete(Instances instances, VmOperations ops) {
        super(DeleteInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected Message run(DeleteInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        // its metadata and description go with the expunge (InstanceMetadata, Descriptions)
        return instances.submit(call, "compute.instances.delete", vm, id -> ops.destroy(call.ctx(), id, true));
    }
}
