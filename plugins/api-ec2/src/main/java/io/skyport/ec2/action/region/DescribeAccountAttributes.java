package io.skyport.ec2.action.region;

import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.Vpcs;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;

/** The account's limits as EC2 attributes: instance and address limits come from its resource limits. */
@ApiCommand(name = "DescribeAccountAttributes", api = "ec2", description = "Describes attributes of the account.")
public class DescribeAccountAttributes extends Ec2Action<DescribeAccountAttributesRequest> {
    private final ResourceCounter counter;
    private final Vpcs vpcs;

    public DescribeAccountAttributes(ResourceCounter counter, Vpcs vpcs) {
        super(DescribeAccountAttributesRequest::builder);
        this.counter = counter;
        this.vpcs = vpcs;
    }

    @Override
    protected SdkPojo run(DescribeAccountAttributesRequest request, CallContext ctx) {
        List<AccountAttribute> all = new ArrayList<>();
        all.add(attribute("supported-platforms", "VPC"));
        // the id of the default VPC, or "none" (as EC2 answers)
        all.add(attribute("default-vpc", vpcs.defaults().stream().findFirst().map(d -> vpcs.vpc(d, ctx).vpcId())
                .orElse("none")));
        all.add(attribute("max-instances", limit(ctx, ResourceType.USER_VM)));
        all.add(attribute("vpc-max-security-groups-per-interface", "5"));
        all.add(attribute("max-elastic-ips", limit(ctx, ResourceType.PUBLIC_IP)));
        all.add(attribute("vpc-max-elastic-ips", limit(ctx, ResourceType.PUBLIC_IP)));
        List<AccountAttribute> out = all.stream()
                .filter(a -> !request.hasAttributeNames() || request.attributeNamesAsStrings().contains(a.attributeName()))
                .toList();
        return DescribeAccountAttributesResponse.builder().accountAttributes(out).build();
    }

    private String limit(CallContext ctx, ResourceType type) {
        long max = counter.limit(ctx.accountId(), type);
        return max < 0 ? "unlimited" : Long.toString(max);
    }

    private static AccountAttribute attribute(String name, String value) {
        return AccountAttribute.builder().attributeName(name)
                .attributeValues(AccountAttributeValue.builder().attributeValue(value).build()).build();
    }
}
