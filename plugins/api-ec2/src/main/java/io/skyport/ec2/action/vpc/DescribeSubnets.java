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
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;

@ApiCommand(name = "DescribeSubnets", api = "ec2", description = "Describes the default subnet of each zone.")
public class DescribeSubnets extends Ec2Action<DescribeSubnetsRequest> {
    private static final Filters<Subnet> FILTERS = new Filters<Subnet>()
            .on("subnet-id", Subnet::subnetId).on("vpc-id", Subnet::vpcId).on("cidr-block", Subnet::cidrBlock)
            .on("cidr", Subnet::cidrBlock).on("availability-zone", Subnet::availabilityZone)
            .on("availability-zone-id", Subnet::availabilityZoneId).on("default-for-az", Subnet::defaultForAz)
            .on("defaultForAz", Subnet::defaultForAz).on("state", Subnet::stateAsString)
            .on("owner-id", Subnet::ownerId).tags(Subnet::tags);
    private final Vpcs vpcs;

    public DescribeSubnets(Vpcs vpcs) {
        super(DescribeSubnetsRequest::builder);
        this.vpcs = vpcs;
    }

    @Override
    protected SdkPojo run(DescribeSubnetsRequest request, CallContext ctx) {
        Predicate<Subnet> matches = FILTERS.matcher(request.filters());
        List<Subnet> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Vpcs.Default d : vpcs.defaults()) {
            Subnet s = vpcs.subnet(d, ctx);
            seen.add(s.subnetId());
            if ((!request.hasSubnetIds() || request.subnetIds().contains(s.subnetId())) && matches.test(s)) {
                out.add(s);
            }
        }
        for (String id : request.subnetIds()) {
            if (!seen.contains(id)) {
                throw new Ec2Exception(Ec2Error.INVALID_SUBNET_ID_NOT_FOUND, "The subnet ID '" + id
                        + "' does not exist");
            }
        }
        return DescribeSubnetsResponse.builder().subnets(out).build();
    }
}
