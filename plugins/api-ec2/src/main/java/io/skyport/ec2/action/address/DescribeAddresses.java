package io.skyport.ec2.action.address;

import io.skyport.core.publicip.PublicIp;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.Addresses;
import io.skyport.ec2.service.Tags;
import io.skyport.ec2.view.Filters;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;

@ApiCommand(name = "DescribeAddresses", api = "ec2", description = "Describes the caller's Elastic IP addresses.")
public class DescribeAddresses extends Ec2Action<DescribeAddressesRequest> {
    private static final Filters<Address> FILTERS = new Filters<Address>()
            .on("allocation-id", Address::allocationId).on("association-id", Address::associationId)
            .on("instance-id", Address::instanceId).on("public-ip", Address::publicIp)
            .on("private-ip-address", Address::privateIpAddress).on("domain", Address::domainAsString)
            .on("network-border-group", Address::networkBorderGroup).tags(Address::tags);
    private final Addresses addresses;
    private final ResourceTagDao tags;

    public DescribeAddresses(Addresses addresses, ResourceTagDao tags) {
        super(DescribeAddressesRequest::builder);
        this.addresses = addresses;
        this.tags = tags;
    }

    @Override
    protected SdkPojo run(DescribeAddressesRequest request, CallContext ctx) {
        Predicate<Address> matches = FILTERS.matcher(request.filters());
        List<PublicIp> chosen = new ArrayList<>();
        for (String id : request.allocationIds()) {
            chosen.add(addresses.find(ctx, id, null));
        }
        for (String ip : request.publicIps()) {
            chosen.add(addresses.find(ctx, null, ip));
        }
        if (!request.hasAllocationIds() && !request.hasPublicIps()) {
            chosen = addresses.owned(ctx);
        }
        Map<Long, List<ResourceTag>> rows = tags.ofResources("PublicIpAddress", chosen.stream().map(PublicIp::id)
                .toList());
        List<Address> out = new ArrayList<>();
        for (PublicIp ip : chosen) {
            Address a = addresses.view(ip, Tags.fromRows(rows.getOrDefault(ip.id(), List.of())));
            if (matches.test(a)) {
                out.add(a);
            }
        }
        return DescribeAddressesResponse.builder().addresses(out).build();
    }
}
