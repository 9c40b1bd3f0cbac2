package io.skyport.ec2.action.address;

import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Addresses;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;

/** Gives an address back to the zone; an address still associated must be disassociated first, as in EC2. */
@ApiCommand(name = "ReleaseAddress", api = "ec2", description = "Releases an Elastic IP address.")
public class ReleaseAddress extends Ec2Action<ReleaseAddressRequest> {
    private final PublicIpService service;
    private final Addresses addresses;

    public ReleaseAddress(PublicIpService service, Addresses addresses) {
        super(ReleaseAddressRequest::builder);
        this.service = service;
        this.addresses = addresses;
    }

    @Override
    protected SdkPojo run(ReleaseAddressRequest request, CallContext ctx) {
        PublicIp ip = addresses.find(ctx, request.allocationId(), request.publicIp());
        if (ip.vmId() != null) {
            throw new Ec2Exception(Ec2Error.INVALID_ADDRESS_IN_USE, "Address " + ip.address() + " is in use: "
                    + "disassociate it first.");
        }
        service.disassociate(ctx, ip.id());
        addresses.forget(ip);
        return ReleaseAddressResponse.builder().build();
    }
}
