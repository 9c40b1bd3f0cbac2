package io.skyport.ec2.action.instance;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmState;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.InstanceTypes;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeResponse;

/**
 * Changes the instance type or user data of a stopped instance (both take effect at its next
 * start), given as {@code InstanceType.Value} / {@code UserData.Value} or as the older
 * {@code Attribute} + {@code Value} pair.
 */
@ApiCommand(name = "ModifyInstanceAttribute", api = "ec2", description = "Changes one attribute of a stopped instance.")
public class ModifyInstanceAttribute extends Ec2Action<ModifyInstanceAttributeRequest> {
    private final Ec2Instances instances;
    private final InstanceTypes types;
    private final VmOperations ops;

    public ModifyInstanceAttribute(Ec2Instances instances, InstanceTypes types, VmOperations ops) {
        super(ModifyInstanceAttributeRequest::builder);
        this.instances = instances;
        this.types = types;
        this.ops = ops;
    }

    @Override
    protected SdkPojo run(ModifyInstanceAttributeRequest request, CallContext ctx) {
        Vm vm = instances.resolve(List.of(request.instanceId() == null ? "" : request.instanceId()), ctx).get(0);
        String type = request.instanceType() != null ? request.instanceType().value()
                : "instanceType".equals(request.attributeAsString()) ? request.value() : null;
        String userData = request.userData() != null && request.userData().value() != null
                ? Base64.getEncoder().encodeToString(request.userData().value().asByteArray())
                : "userData".equals(request.attributeAsString()) && request.value() != null
                ? Base64.getEncoder().encodeToString(request.value().getBytes(StandardCharsets.UTF_8)) : null;
        if (type == null && userData == null) {
            throw Ec2Exception.invalid("Attribute", request.attributeAsString(), "Only instanceType and userData can "
                    + "be modified here.");
        }
        if (vm.state() != VmState.Stopped) {
            throw new Ec2Exception(Ec2Error.INCORRECT_INSTANCE_STATE, "The instance '" + instances.instanceId(vm)
                    + "' is not in the 'stopped' state.");
        }
        if (type != null) {
            ServiceOffering offering = types.resolve(type, "InstanceType");
            ops.changeOffering(ctx, vm.id(), offering);
        }
        if (userData != null) {
            ops.update(ctx, vm.id(), null, null, userData);
        }
        return ModifyInstanceAttributeResponse.builder().build();
    }
}
