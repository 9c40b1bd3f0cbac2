package io.skyport.ec2.action.address;

import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.core.vm.Vm;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Addresses;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AssociateAddressResponse;

/** Maps an Elastic IP to an instance (static NAT); with AllowReassociation it may move from another one. */
@ApiCommand(name = "AssociateAddress", api = "ec2", description = "Associates an Elastic IP with an instance.")
public class AssociateAddress extends Ec2Action<AssociateAddressRequest> {
    private final PublicIpService service;
    private final Addresses addresses;
    private final Ec2Instances instances;
    private final TransactionTemplate tx;

    public AssociateAddress(PublicIpService service, Addresses addresses, Ec2Instances instances,
                            TransactionTemplate tx) {
        super(AssociateAddressRequest::builder);
        this.service = service;
        this.addresses = addresses;
        this.instances = instances;
        this.tx = tx;
    }

    @Override
    protected SdkPojo run(AssociateAddressRequest request, CallContext ctx) {
        if (request.instanceId() == null) {
            throw Ec2Exception.missing("InstanceId");
        }
        if (request.networkInterfaceId() != null) {
            throw Ec2Exception.invalid("NetworkInterfaceId", request.networkInterfaceId(), "Associate with an "
                    + "instance instead.");
        }
        PublicIp ip = addresses.find(ctx, request.allocationId(), request.publicIp());
        Vm vm = instances.resolve(List.of(request.instanceId()), ctx).get(0);
        if (ip.vmId() != null && ip.vmId() == vm.id()) {
            return AssociateAddressResponse.builder().associationId(addresses.associationId(ip)).build();
        }
        if (ip.vmId() != null && !Boolean.TRUE.equals(request.allowReassociation())) {
            throw new Ec2Exception(Ec2Error.RESOURCE_ALREADY_ASSOCIATED, "resource " + addresses.allocationId(ip)
                    + " is already associated with associate-id " + addresses.associationId(ip));
        }
        PublicIp mapped;
        try {
            mapped = tx.execute(s -> {
                if (ip.vmId() != null) {
                    service.disableStaticNat(ctx, ip.id());
                    addresses.endAssociation(ip);
                }
                return service.enableStaticNat(ctx, ip.id(), vm.id());
            });
        } catch (ApiException e) {
            if (e.error() == ApiError.INVALID_STATE) {
                throw new Ec2Exception(Ec2Error.INCORRECT_INSTANCE_STATE, e.getMessage());
            }
            throw e;
        }
        return AssociateAddressResponse.builder().associationId(addresses.associationId(mapped)).build();
    }
}
