package io.skyport.ec2.action.vpc;

import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Vpcs;
import io.skyport.ec2.view.Filters;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Vpc;

@ApiCommand(name = "DescribeVpcs", api = "ec2", description = "Describes the default VPC of each zone.")
public class DescribeVpcs extends Ec2Action<DescribeVpcsRequest> {
    private static final Filters<Vpc> FILTERS = new Filters<Vpc>()
            .on("vpc-id", Vpc::vpcId).on("cidr", Vpc::cidrBlock).on("cidr-block-association.cidr-block", Vpc::cidrBlock)
            .on("is-default", Vpc::isDefault).on("state", Vpc::stateAsString).on("owner-id", Vpc::ownerId)
            .on("dhcp-options-id", Vpc::dhcpOptionsId).tags(Vpc::tags);
    private final Vpcs vpcs;

    public DescribeVpcs(Vpcs vpcs) {
        super(DescribeVpcsRequest::builder);
        this.vpcs = vpcs;
    }

    @Override
    protected SdkPojo run(DescribeVpcsRequest request, CallContext ctx) {
        Predicate<Vpc> matches = FILTERS.matcher(request.filters());
        List<Vpc> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Vpcs.Default d : vpcs.defaults()) {
            Vpc v = vpcs.vpc(d, ctx);
            seen.add(v.vpcId());
            if ((!request.hasVpcIds() || request.vpcIds().contains(v.vpcId())) && matches.test(v)) {
                out.add(v);
            }
        }
        for (String id : request.vpcIds()) {
            if (!seen.contains(id)) {
                throw new Ec2Exception(Ec2Error.INVALID_VPC_ID_NOT_FOUND, "The vpc ID '" + id + "' does not exist");
            }
        }
        return DescribeVpcsResponse.builder().vpcs(out).build();
    }
}
