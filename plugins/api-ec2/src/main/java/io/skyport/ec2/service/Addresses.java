package io.skyport.ec2.service;

import io.skyport.core.identity.Visibility;
import io.skyport.core.network.Nic;
import io.skyport.core.network.NicDao;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.plugin.CallContext;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Public IP addresses as Elastic IPs: allocating one takes an address of the zone for the
 * account; associating it with an instance is the core's static NAT.
 */
@Component
public class Addresses {
    private final Ec2Ids ids;
    private final PublicIpDao ips;
    private final VmDao vms;
    private final NicDao nics;
    private final SettingService settings;

    public Addresses(Ec2Ids ids, PublicIpDao ips, VmDao vms, NicDao nics, SettingService settings) {
        this.ids = ids;
        this.ips = ips;
        this.vms = vms;
        this.nics = nics;
        this.settings = settings;
    }

    public List<PublicIp> owned(CallContext ctx) {
        return ips.listAllocated(new PublicIpDao.Query(new Visibility(ctx.domainPath(), ctx.accountId()), null, null,
                null, null), 0, Integer.MAX_VALUE);
    }

    /** The caller's address named by allocation id (preferred) or by the address itself. */
    public PublicIp find(CallContext ctx, String allocationId, String publicIp) {
        if (allocationId != null) {
            String uuid = ids.resolve(Kind.ALLOCATION, allocationId, ctx, "AllocationId");
            return ips.findByUuid(uuid).filter(ip -> ip.accountId() != null && ip.accountId() == ctx.accountId())
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_ALLOCATION_ID_NOT_FOUND,
                            Ec2Ids.notFoundMessage(Kind.ALLOCATION, allocationId)));
        }
        if (publicIp != null) {
            return owned(ctx).stream().filter(ip -> ip.address().equals(publicIp)).findFirst()
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_ADDRESS_NOT_FOUND, "Address '" + publicIp
                            + "' not found."));
        }
        throw Ec2Exception.missing("AllocationId");
    }

    /** The address an association id names. */
    public PublicIp byAssociation(CallContext ctx, String associationId) {
        String uuid = ids.resolve(Kind.ASSOCIATION, associationId, ctx, "AssociationId");
        return ips.findByUuid(uuid).filter(ip -> ip.vmId() != null && ip.accountId() != null
                        && ip.accountId() == ctx.accountId())
                .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_ASSOCIATION_ID_NOT_FOUND,
                        Ec2Ids.notFoundMessage(Kind.ASSOCIATION, associationId)));
    }

    public String allocationId(PublicIp ip) {
        return ids.of(Kind.ALLOCATION, ip.uuid(), ip.accountId());
    }

    /** A new association id each time an address is associated: the id names the association, not the address. */
    public String associationId(PublicIp ip) {
        return ids.of(Kind.ASSOCIATION, ip.uuid(), ip.accountId());
    }

    public void endAssociation(PublicIp ip) {
        ids.forget(Kind.ASSOCIATION, ip.uuid());
    }

    public void forget(PublicIp ip) {
        ids.forget(Kind.ALLOCATION, ip.uuid());
        ids.forget(Kind.ASSOCIATION, ip.uuid());
    }

    public Address view(PublicIp ip, List<Tag> tags) {
        String region = settings.get(Ec2Settings.REGION);
        Address.Builder b = Address.builder().publicIp(ip.address()).allocationId(allocationId(ip))
                .domain(DomainType.VPC).networkBorderGroup(region).publicIpv4Pool("skyport").tags(tags);
        if (ip.vmId() != null) {
            Vm vm = vms.find(ip.vmId()).orElse(null);
            if (vm != null) {
                b.associationId(associationId(ip)).instanceId(ids.of(Kind.INSTANCE, vm.uuid(), vm.accountId()));
                nics.nicsOf(List.of(vm.id())).stream().filter(Nic::isDefault).findFirst()
                        .ifPresent(n -> b.privateIpAddress(n.ipAddress()));
            }
        }
        return b.build();
    }
}
