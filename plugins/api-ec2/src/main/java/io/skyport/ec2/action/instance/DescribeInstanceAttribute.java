package io.skyport.ec2.action.instance;

import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.vm.Vm;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.InstanceTypes;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;

@ApiCommand(name = "DescribeInstanceAttribute", api = "ec2", description = "Describes one attribute of an instance.")
public class DescribeInstanceAttribute extends Ec2Action<DescribeInstanceAttributeRequest> {
    private final Ec2Instances instances;
    private final InstanceViews views;
    private final ServiceOfferingDao offerings;

    public DescribeInstanceAttribute(Ec2Instances instances, InstanceViews views, ServiceOfferingDao offerings) {
        super(DescribeInstanceAttributeRequest::builder);
        this.instances = instances;
        this.views = views;
        this.offerings = offerings;
    }

    @Override
    protected SdkPojo run(DescribeInstanceAttributeRequest request, CallContext ctx) {
        if (request.attribute() == null) {
            throw Ec2Exception.missing("Attribute");
        }
        Vm vm = instances.resolve(List.of(request.instanceId() == null ? "" : request.instanceId()), ctx).get(0);
        DescribeInstanceAttributeResponse.Builder out = DescribeInstanceAttributeResponse.builder()
                .instanceId(instances.instanceId(vm));
        switch (request.attributeAsString()) {
            case "instanceType" -> out.instanceType(AttributeValue.builder().value(offerings.find(
                    vm.serviceOfferingId()).map(InstanceTypes::typeName).orElse(null)).build());
            case "userData" -> out.userData(AttributeValue.builder().value(vm.userData()).build());
            case "disableApiTermination" -> out.disableApiTermination(bool(false));
            case "disableApiStop" -> out.disableApiStop(bool(false));
            case "ebsOptimized" -> out.ebsOptimized(bool(false));
            case "enaSupport" -> out.enaSupport(bool(true));
            case "sourceDestCheck" -> out.sourceDestCheck(bool(true));
            case "instanceInitiatedShutdownBehavior" -> out.instanceInitiatedShutdownBehavior(
                    AttributeValue.builder().value("stop").build());
            case "rootDeviceName" -> out.rootDeviceName(AttributeValue.builder().value("/dev/sda1").build());
            case "groupSet" -> out.groups(views.build(ctx, List.of(vm)).get(0).instance().securityGroups());
            case "kernel", "ramdisk", "productCodes", "blockDeviceMapping", "sriovNetSupport" -> {
                // not applicable to these instances: answered with the instance id only, as EC2 does when unset
            }
            default -> throw Ec2Exception.invalid("Attribute", request.attributeAsString(), "Unknown attribute.");
        }
        return out.build();
    }

    private static AttributeBooleanValue bool(boolean v) {
        return AttributeBooleanValue.builder().value(v).build();
    }
}
