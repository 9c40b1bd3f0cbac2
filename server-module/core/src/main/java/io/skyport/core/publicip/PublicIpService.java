package io.skyport.core.publicip;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.vm.Vm;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
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
    private final ResourceTagDao tags;

    public PublicIpService(PublicIpDao ips, IdentityService identity, ResourceCounter counter, VmDao vms,
                           EventService events, TransactionTemplate tx, ResourceTagDao tags) {
        this.ips = ips;
        this.identity = identity;
        this.counter = counter;
        this.vms = vms;
        this.events = events;
        this.tx = tx;
        this.tags = tags;
    }

    /**
     * Takes a Free address of the zone. The counter is reserved in the same transaction, so a
     * refusal (limit or no address left) leaves neither a count nor an allocation behind.
     */
    public PublicIp associate(CallContext caller, long ownerAccountId, long zoneId) {
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        long id = tx.execute(s -> {
            counter.reserve(owner.id(), Map.of(ResourceType.PUBLIC_IP, 1L));
            return ips.allocate(zoneId, owner.id(), owner.domainId()).orElseThrow(() -> new ApiException(
                    ApiError.INSUFFICIENT_CAPACITY, "Insufficient address capacity: no free public IP address is "
                    + "left in the zone"));
        });
        PublicIp ip = ips.find(id).orElseThrow();
        events.record(caller, "NET.IPASSIGN", "Associated public IP " + ip.address(), "PublicIpAddress", ip.uuid());
        return ip;
    }

    /** Frees the address: static NAT goes first (with its own event), then the address and its tags. */
    public void disassociate(CallContext caller, long ipId) {
        PublicIp ip = load(ipId);
        // a concurrent disableStaticNat may have won: then there is nothing left to disable
        if (ip.vmId() != null && ips.disableStaticNat(ip.id())) {
            events.record(caller, "STATICNAT.DISABLE", "Static NAT of " + ip.address() + " disabled", "PublicIpAddress",
                    ip.uuid());
        }
        boolean released = Boolean.TRUE.equals(tx.execute(s -> {
            if (!ips.release(ip.id(), ip.accountId())) {
                return false;
            }
            counter.release(ip.accountId(), ResourceType.PUBLIC_IP, 1);
            tags.delete("PublicIpAddress", ip.id(), null, null);
            return true;
        }));
        if (!released) {
            throw new ApiException(ApiError.INVALID_STATE, "Public IP " + ip.address() + " is already released");
        }
        events.record(caller, "NET.IPRELEASE", "Released public IP " + ip.address(), "PublicIpAddress", ip.uuid());
    }

    /** Static NAT maps an address of the account to one of its VMs; a VM has at most one such address. */
    public PublicIp enableStaticNat(CallContext caller, long ipId, long vmId) {
        PublicIp ip = load(ipId);
        Vm vm = vms.find(vmId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM"));
        if (ip.accountId() == null || vm.accountId() != ip.accountId()) {
            throw new ApiException(ApiError.PARAM_ERROR, "virtualmachineid: the IP address and the VM must belong to "
                    + "the same account");
        }
        if (vm.zoneId() != ip.zoneId()) {
            throw new ApiException(ApiError.PARAM_ERROR, "virtualmachineid: the VM is not in the zone of "
                    + ip.address());
        }
        if (vm.state() != VmState.Running && vm.state() != VmState.Stopped) {
            throw new ApiException(ApiError.INVALID_STATE, "Static NAT needs a Running or Stopped VM; " + vm.name()
                    + " is " + vm.state());
        }
        if (ip.vmId() != null) {
            throw new ApiException(ApiError.INVALID_STATE, "Static NAT is already enabled for " + ip.address());
        }
        ips.staticNatOf(vm.id()).ifPresent(other -> {
            throw new ApiException(ApiError.INVALID_STATE, "VM " + vm.name() + " already has static NAT from "
                    + other.address());
        });
        if (!ips.enableStaticNat(ip.id(), vm.id())) {
            throw new ApiException(ApiError.INVALID_STATE, "Static NAT is already enabled for " + ip.address());
        }
        events.record(caller, "STATICNAT.ENABLE", "Static NAT " + ip.address() + " to " + vm.name(), "PublicIpAddress",
                ip.uuid());
        return load(ip.id());
    }

    public PublicIp disableStaticNat(CallContext caller, long ipId) {
        PublicIp ip = load(ipId);
        if (!ips.disableStaticNat(ip.id())) {
            throw new ApiException(ApiError.INVALID_STATE, "Static NAT is not enabled for " + ip.address());
        }
        events.record(caller, "STATICNAT.DISABLE", "Static NAT of " + ip.address() + " disabled", "PublicIpAddress",
                ip.uuid());
        return load(ip.id());
    }

    private PublicIp load(long id) {
        return ips.find(id).filter(ip -> ip.accountId() != null)
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find public IP address"));
    }
}
