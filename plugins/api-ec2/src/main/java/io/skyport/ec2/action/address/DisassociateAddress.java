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
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressResponse;

@ApiCommand(name = "DisassociateAddress", api = "ec2", description = "Disassociates an Elastic IP from its instance.")
public class DisassociateAddress extends Ec2Action<DisassociateAddressRequest> {
    private final PublicIpService service;
    private final Addresses addresses;

    public DisassociateAddress(PublicIpService service, Addresses addresses) {
        super(DisassociateAddressRequest::builder);
        this.service = service;
        this.addresses = addresses;
    }

    @Override
    protected SdkPojo run(DisassociateAddressRequest request, CallContext ctx) {
        PublicIp ip;
        if (request.associationId() != null) {
            ip = addresses.byAssociation(ctx, request.associationId());
        } else if (request.publicIp() != null) {
            ip = addresses.find(ctx, null, request.publicIp());
            if (ip.vmId() == null) {
                throw new Ec2Exception(Ec2Error.INVALID_ASSOCIATION_ID_NOT_FOUND, "The address '"
                        + request.publicIp() + "' is not associated");
            }
        } else {
            throw Ec2Exception.missing("AssociationId");
        }
        service.disableStaticNat(ctx, ip.id());
        addresses.endAssociation(ip);
        return DisassociateAddressResponse.builder().build();
    }
}
