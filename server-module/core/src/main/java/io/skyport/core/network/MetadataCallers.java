package io.skyport.core.network;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Who a metadata request comes from: the Starting or Running VM holding the request's source
 * address on a zone network. The hosts forward 169.254.169.254 without rewriting the source, so
 * the guest address is the instance's identity; an address no such VM holds, or one that several
 * hold (networks with overlapping CIDRs, which the listener cannot tell apart), has no caller.
 */
@Component
public class MetadataCallers {
    private static final Logger LOG = LogManager.getLogger(MetadataCallers.class);
    /** Networks change rarely; re-reading them per request would double the listener's queries. */
    private static final long NETWORKS_TTL_MILLIS = 5_000;
    /**
     * An unknown address re-reads the networks at most this often, so requests from unknown
     * sources cannot make every request cost two reads.
     */
    private static final long NETWORKS_RECHECK_MILLIS = 1_000;

    private final NetworkDao networks;
    private final VmDao vms;
    private volatile List<Long> networkIds = List.of();
    private volatile long networksReadAt;

    public MetadataCallers(NetworkDao networks, VmDao vms) {
        this.networks = networks;
        this.vms = vms;
    }

    public Optional<Vm> bySourceAddress(String address) {
        long ip;
        try {
            ip = Ipv4.parse(address);
        } catch (RuntimeException notIpv4) {
            return Optional.empty();
        }
        List<Vm> found = vms.activeWithAddress(networkIds(false), ip);
        if (found.isEmpty() && System.currentTimeMillis() - networksReadAt > NETWORKS_RECHECK_MILLIS) {
            // the address may be on a network made since the last read
            found = vms.activeWithAddress(networkIds(true), ip);
        }
        if (found.size() > 1) {
            LOG.warn("metadata request from {} refused: {} running VMs hold that address", address, found.size());
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    private List<Long> networkIds(boolean fresh) {
        long now = System.currentTimeMillis();
        if (fresh || now - networksReadAt > NETWORKS_TTL_MILLIS) {
            networkIds = networks.list(null, null, null, null).stream().map(Network::id).toList();
            networksReadAt = now;
        }
        return networkIds;
    }
}
