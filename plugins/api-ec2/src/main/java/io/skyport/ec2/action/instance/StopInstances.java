package io.skyport.ec2.action.instance;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmState;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;

@ApiCommand(name = "StopInstances", api = "ec2", async = true, description = "Stops running instances.")
public class StopInstances extends Ec2Action<StopInstancesRequest> {
    private final Ec2Instances instances;
    private final VmOperations ops;

    public StopInstances(Ec2Instances instances, VmOperations ops) {
        super(StopInstancesRequest::builder);
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected SdkPojo run(StopInstancesRequest request, CallContext ctx) {
        List<Vm> vms = instances.resolve(request.instanceIds(), ctx);
        for (Vm vm : vms) {
            if (vm.state() == VmState.Destroyed || vm.state() == VmState.Expunging || vm.state() == VmState.Error) {
                throw new Ec2Exception(Ec2Error.INCORRECT_INSTANCE_STATE, "This instance '" + instances.instanceId(vm)
                        + "' is not in a state from which it can be stopped.");
            }
        }
        boolean force = Boolean.TRUE.equals(request.force());
        List<InstanceStateChange> changes = instances.changeAll(ctx, "StopInstances", vms,
                vm -> vm.state() == VmState.Stopped, id -> ops.stop(ctx, id, force), InstanceStateName.STOPPING);
        return StopInstancesResponse.builder().stoppingInstances(changes).build();
    }
}
