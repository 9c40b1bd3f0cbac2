package io.skyport.ec2.action.instance;

import io.skyport.core.job.AsyncJob;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmState;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;

@ApiCommand(name = "StartInstances", api = "ec2", async = true, description = "Starts stopped instances.")
public class StartInstances extends Ec2Action<StartInstancesRequest> {
    private final Ec2Instances instances;
    private final VmOperations ops;

    public StartInstances(Ec2Instances instances, VmOperations ops) {
        super(StartInstancesRequest::builder);
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected SdkPojo run(StartInstancesRequest request, CallContext ctx) {
        List<Vm> vms = instances.resolve(request.instanceIds(), ctx);
        for (Vm vm : vms) {
            if (vm.state() == VmState.Destroyed || vm.state() == VmState.Expunging || vm.state() == VmState.Error) {
                throw new Ec2Exception(Ec2Error.INCORRECT_INSTANCE_STATE, "The instance '" + instances.instanceId(vm)
                        + "' is not in a state from which it can be started.");
            }
        }
        List<AsyncJob> queued = new ArrayList<>();
        for (Vm vm : vms) {
            if (!startedAlready(vm)) {
                queued.add(instances.submit(ctx, "StartInstances", vm, id -> ops.start(ctx, id, null)));
            }
        }
        Map<String, Vm> settled = instances.settled(queued);
        List<InstanceStateChange> changes = new ArrayList<>();
        for (Vm vm : vms) {
            changes.add(instances.change(vm, Ec2Instances.stateNow(vm), startedAlready(vm) ? Ec2Instances.stateNow(vm)
                    : Ec2Instances.answered(vm, settled, InstanceStateName.PENDING)));
        }
        return StartInstancesResponse.builder().startingInstances(changes).build();
    }

    private static boolean startedAlready(Vm vm) {
        return vm.state() == VmState.Running || vm.state() == VmState.Starting;
    }
}
