package io.skyport.ec2.action.instance;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmState;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * Destroys instances. A terminated instance stays visible (as {@code terminated}) until the core
 * expunges it after the expunge delay, as EC2 keeps terminated instances listed for a while. An
 * instance whose destroy ends within the state-change wait is answered {@code terminated}, the
 * others {@code shutting-down}.
 */
@ApiCommand(name = "TerminateInstances", api = "ec2", async = true, description = "Terminates instances.")
public class TerminateInstances extends Ec2Action<TerminateInstancesRequest> {
    private final Ec2Instances instances;
    private final VmOperations ops;

    public TerminateInstances(Ec2Instances instances, VmOperations ops) {
        super(TerminateInstancesRequest::builder);
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected SdkPojo run(TerminateInstancesRequest request, CallContext ctx) {
        List<Vm> vms = instances.resolve(request.instanceIds(), ctx);
        List<InstanceStateChange> changes = instances.changeAll(ctx, "TerminateInstances", vms,
                TerminateInstances::gone, id -> ops.destroy(ctx, id, false), InstanceStateName.SHUTTING_DOWN);
        return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
    }

    private static boolean gone(Vm vm) {
        return vm.state() == VmState.Destroyed || vm.state() == VmState.Expunging || vm.state() == VmState.Error;
    }
}
