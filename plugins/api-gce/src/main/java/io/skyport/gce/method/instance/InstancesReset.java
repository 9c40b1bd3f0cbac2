package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.ResetInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.reset", api = "gce", description = "Resets (reboots) a running instance.")
public class InstancesReset extends GceOperation<ResetInstanceRequest> {
    private final Instances instances;
    private final VmOperations ops;

    public InstancesReset(Instances instances, VmOperations ops) {
        super(ResetInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected Message run(ResetInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        return instances.submit(call, "compute.instances.reset", vm, id -> ops.reboot(call.ctx(), id));
    }
}
