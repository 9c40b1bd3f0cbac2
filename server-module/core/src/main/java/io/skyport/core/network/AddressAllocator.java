package io.skyport.core.network;

import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.HypervisorDriver.NicRef;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Guest addresses from a network's CIDR: unique per network (a database constraint), handed out
 * in order by a per-network cursor and, once the top is reached, from the lowest gap; released
 * on expunge, or when the VM is placed on a host that gives it no guest network.
 */
@Component
public class AddressAllocator {
    private final NetworkDao networks;
    private final NicDao nics;
    private final SecureRandom random = new SecureRandom();

    public AddressAllocator(NetworkDao networks, NicDao nics) {
        this.networks = networks;
        this.nics = nics;
    }

    /**
     * Gives the VM a NIC on the network; must run inside the transaction creating the VM. The
     * network's cursor hands out addresses in order; once it passes the top of the CIDR the
     * lowest released address is reused.
     */
    public void allocateNic(Network network, long vmId, int deviceId, boolean isDefault) {
        Ipv4.Cidr cidr = Ipv4.Cidr.parse(network.cidr());
        long address = next(network, cidr);
        try {
            nics.insertNic(UUID.randomUUID().toString(), vmId, network.id(), address, mac(), deviceId, isDefault);
        } catch (DuplicateKeyException inUse) {
            // the cursor was moved back by hand or a NIC was added around it: take the lowest free one
            nics.insertNic(UUID.randomUUID().toString(), vmId, network.id(), lowestFree(network, cidr), mac(),
                    deviceId, isDefault);
        }
    }

    /**
     * Gives the VM's NICs that have no address (it last ran on a host without a guest network)
     * an address again, in the same order as {@link #allocateNic}; for a start on a host that
     * attaches the guest network. Must run inside the placing transaction.
     */
    public void readdress(long vmId) {
        for (Nic nic : nics.unaddressedNicsOf(vmId)) {
            Network network = networks.find(nic.networkId()).orElseThrow();
            Ipv4.Cidr cidr = Ipv4.Cidr.parse(network.cidr());
            try {
                nics.setAddress(nic.id(), next(network, cidr));
            } catch (DuplicateKeyException inUse) {
                nics.setAddress(nic.id(), lowestFree(network, cidr));
            }
        }
    }

    /**
     * The VM's addressed NICs as a driver needs them to plug the instance in (address, the
     * network's prefix and gateway, MAC); NICs without an address are left out.
     */
    public List<NicRef> nicRefs(long vmId) {
        List<NicRef> out = new ArrayList<>();
        for (Nic nic : nics.nicsOf(List.of(vmId))) {
            if (nic.ipAddress() == null) {
                continue;
            }
            networks.find(nic.networkId()).ifPresent(n -> out.add(new NicRef(nic.ipAddress(),
                    Ipv4.Cidr.parse(n.cidr()).prefix(), n.gateway(), nic.macAddress(), n.uuid(),
                    Ipv4.Cidr.parse(n.cidr()).toString(), nic.deviceId())));
        }
        return out;
    }

    /** Releases the VM's guest addresses, keeping its NICs: its host gives it no guest network. */
    public int release(long vmId) {
        return nics.clearAddressesOf(vmId);
    }

    private long next(Network network, Ipv4.Cidr cidr) {
        long address = networks.advanceCursor(network.id(), cidr.firstHost() - 1);
        if (address > cidr.lastHost() || address < cidr.firstHost()) {
            address = lowestFree(network, cidr);
            networks.setCursor(network.id(), address);
        }
        return address;
    }

    private long lowestFree(Network network, Ipv4.Cidr cidr) {
        long gap = nics.lowestFreeFrom(network.id(), cidr.firstHost(), cidr.lastHost());
        if (gap > cidr.lastHost()) {
            throw new ApiException(ApiError.INSUFFICIENT_CAPACITY, "Insufficient address capacity: network "
                    + cidr + " has no free address");
        }
        return gap;
    }

    private String mac() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return String.format("02:00:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3]);
    }
}
