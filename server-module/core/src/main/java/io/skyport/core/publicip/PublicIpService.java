package io.skyport.core.publicip;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Public addresses: allocation to accounts (counted and limited), static NAT to their VMs, release. */
@Component
public class PublicIpService {
    private final PublicIpDao ips;
    private final IdentityService identity;
    private final ResourceCounter counter;
    private final VmDao vms;
    private final EventService events;
    private final TransactionTemplate tx;

    public PublicIpService(PublicIpDao ips, IdentityService identity, ResourceCounter counter, VmDao vms,
                           EventService events, TransactionTemplate tx) {
        this.ips = ips;
        this.identity = identity;
        this.counter = counter;
        this.vms = vms;
        this.events = events;
        this.tx = tx;
    }

    public PublicIp associate(CallContext caller, long ownerAccountId, long zoneId) {
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        long id = tx.execute(s -> {
            counter.reserve(owner.id(), Map.of(ResourceType.PUBLIC_IP, 1L));
            return ips.allocate(zoneId, owner.id(), owner.domainId()).orElseThrow(() -> new ApiException(
                    ApiError.INSUFFICIENT_CAPACITY, "Insufficient address capacity: the zone has no free public IP"));
        });
        PublicIp ip = ips.find(id).orElseThrow();
        events.record(caller, "NET.IPASSIGN", "Associated public IP " + ip.address(), "PublicIpAddress", ip.uuid());
        return ip;
    }

    public void disassociate(CallContext caller, long ipId) {
        PublicIp ip = ips.find(ipId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find IP"));
        tx.executeWithoutResult(s -> {
            ips.release(ip.id());
            counter.release(ip.accountId(), ResourceType.PUBLIC_IP, 1);
        });
        events.record(caller, "NET.IPRELEASE", "Released public IP " + ip.address(), "PublicIpAddress", ip.uuid());
    }

    public PublicIp enableStaticNat(CallContext caller, long ipId, long vmId) {
        PublicIp ip = ips.find(ipId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find IP"));
        Vm vm = vms.find(vmId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM"));
        if (ip.accountId() == null || vm.accountId() != ip.accountId()) {
            throw new ApiException(ApiError.PARAM_ERROR, "The IP address and the VM must belong to the same account");
        }
        if (ip.vmId() != null) {
            throw new ApiException(ApiError.INVALID_STATE, "Static NAT is already enabled for " + ip.address());
        }
        ips.setStaticNat(ip.id(), vm.id());
        events.record(caller, "STATICNAT.ENABLE", "Static NAT " + ip.address() + " to " + vm.name(), "PublicIpAddress",
                ip.uuid());
        return ips.find(ip.id()).orElseThrow();
    }

    public PublicIp disableStaticNat(CallContext caller, long ipId) {
        PublicIp ip = ips.find(ipId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find IP"));
        if (ip.vmId() == null) {
            throw new ApiException(ApiError.INVALID_STATE, "Static NAT is not enabled for " + ip.address());
        }
        ips.setStaticNat(ip.id(), null);
        events.record(caller, "STATICNAT.DISABLE", "Static NAT of " + ip.address() + " disabled", "PublicIpAddress",
                ip.uuid());
        return ips.find(ip.id()).orElseThrow();
    }
}
