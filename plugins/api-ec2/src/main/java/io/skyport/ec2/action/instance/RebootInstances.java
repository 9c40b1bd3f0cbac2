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
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesResponse;

@ApiCommand(name = "RebootInstances", api = "ec2", async = true, description = "Reboots running instances.")
public class RebootInstances extends Ec2Action<RebootInstancesRequest> {
    private final Ec2Instances instances;
    private final VmOperations ops;

    public RebootInstances(Ec2Instances instances, VmOperations ops) {
        super(RebootInstancesRequest::builder);
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected SdkPojo run(RebootInstancesRequest request, CallContext ctx) {
        List<Vm> vms = instances.resolve(request.instanceIds(), ctx);
        for (Vm vm : vms) {
            if (vm.state() != VmState.Running) {
                throw new Ec2Exception(Ec2Error.INCORRECT_INSTANCE_STATE, "The instance '" + instances.instanceId(vm)
                        + "' is not in a state from which it can be rebooted.");
            }
        }
        for (Vm vm : vms) {
            instances.submit(ctx, "RebootInstances", vm, id -> ops.reboot(ctx, id));
        }
        return RebootInstancesResponse.builder().build();
    }
}
