package io.skyport.core.network;

import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Guest addresses from a network's CIDR: unique per network (a database constraint), handed out
 * above the highest in use and, once the top is reached, from the lowest gap; released on expunge.
 */
@Component
public class AddressAllocator {
    private static final int ATTEMPTS = 16;
    private final NetworkDao networks;
    private final SecureRandom random = new SecureRandom();

    public AddressAllocator(NetworkDao networks) {
        this.networks = networks;
    }

    /** Gives the VM a NIC on the network; must run inside the transaction creating the VM. */
    public void allocateNic(Network network, long vmId, int deviceId, boolean isDefault) {
        Ipv4.Cidr cidr = Ipv4.Cidr.parse(network.cidr());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long address = next(network.id(), cidr);
            try {
                networks.insertNic(UUID.randomUUID().toString(), vmId, network.id(), address, mac(), deviceId,
                        isDefault);
                return;
            } catch (DuplicateKeyException raced) {
                // another deploy took this address between our read and insert: pick again
            }
        }
        throw new ApiException(ApiError.INSUFFICIENT_CAPACITY, "Unable to allocate an address in network "
                + network.name() + " after " + ATTEMPTS + " attempts");
    }

    private long next(long networkId, Ipv4.Cidr cidr) {
        long highest = networks.highestAddress(networkId).orElse(cidr.firstHost() - 1);
        if (highest < cidr.lastHost()) {
            return Math.max(highest + 1, cidr.firstHost());
        }
        long gap = networks.lowestFreeFrom(networkId, cidr.firstHost(), cidr.lastHost());
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
