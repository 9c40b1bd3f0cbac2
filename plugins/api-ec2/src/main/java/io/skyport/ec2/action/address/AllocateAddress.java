package io.skyport.ec2.action.address;

import io.skyport.core.infra.ZoneDao;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.core.tag.TagService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Addresses;
import io.skyport.ec2.service.Tags;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;

/** Takes a free public address of the region's (first enabled) zone for the account. */
@ApiCommand(name = "AllocateAddress", api = "ec2", description = "Allocates an Elastic IP address.")
public class AllocateAddress extends Ec2Action<AllocateAddressRequest> {
    private final PublicIpService service;
    private final Addresses addresses;
    private final ZoneDao zones;
    private final TagService tags;
    private final TransactionTemplate tx;

    public AllocateAddress(PublicIpService service, Addresses addresses, ZoneDao zones, TagService tags,
                           TransactionTemplate tx) {
        super(AllocateAddressRequest::builder);
        this.service = service;
        this.addresses = addresses;
        this.zones = zones;
        this.tags = tags;
        this.tx = tx;
    }

    @Override
    protected SdkPojo run(AllocateAddressRequest request, CallContext ctx) {
        if (request.address() != null) {
            throw Ec2Exception.invalid("Address", request.address(), "Choosing the address is not supported; omit it.");
        }
        long zoneId = zones.zones(null, null, null).stream().filter(z -> "Enabled".equalsIgnoreCase(z.allocationState()))
                .findFirst().orElseThrow(() -> new Ec2Exception(Ec2Error.UNAVAILABLE, "No zone is enabled")).id();
        Map<String, String> pairs = Tags.of(request.tagSpecifications(), "elastic-ip");
        PublicIp ip;
        try {
            ip = tx.execute(s -> {
                PublicIp taken = service.associate(ctx, ctx.accountId(), zoneId);
                if (!pairs.isEmpty()) {
                    tags.create(ctx, "PublicIpAddress", List.of(taken.uuid()), pairs);
                }
                return taken;
            });
        } catch (ApiException e) {
            if (e.error() == ApiError.RESOURCE_LIMIT || e.error() == ApiError.INSUFFICIENT_CAPACITY) {
                throw new Ec2Exception(Ec2Error.ADDRESS_LIMIT_EXCEEDED, e.getMessage());
            }
            throw e;
        }
        return AllocateAddressResponse.builder().publicIp(ip.address()).allocationId(addresses.allocationId(ip))
                .domain(DomainType.VPC).networkBorderGroup(addresses.view(ip, List.of()).networkBorderGroup())
                .publicIpv4Pool("skyport").build();
    }
}
