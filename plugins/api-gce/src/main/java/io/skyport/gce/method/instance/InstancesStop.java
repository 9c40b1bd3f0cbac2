package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.StopInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.stop", api = "gce", description = "Stops a running instance.")
public class InstancesStop extends GceOperation<StopInstanceRequest> {
    private final Instances instances;
    private final VmOperations ops;

    public InstancesStop(Instances instances, VmOperations ops) {
        super(StopInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected Message run(StopInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        return instances.submit(call, "compute.instances.stop", vm, id -> ops.stop(call.ctx(), id, false));
    }
}
