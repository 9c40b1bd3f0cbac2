package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.StartInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.start", api = "gce", description = "Starts a stopped instance.")
public class InstancesStart extends GceOperation<StartInstanceRequest> {
    private final Instances instances;
    private final VmOperations ops;

    public InstancesStart(Instances instances, VmOperations ops) {
        super(StartInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected Message run(StartInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        return instances.submit(call, "compute.instances.start", vm, id -> ops.start(call.ctx(), id, null));
    }
}
