package io.skyport.gce.service;

import com.google.cloud.compute.v1.Address;
import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.identity.Visibility;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.view.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses are the public IPs allocated to the caller's account in the zones of a region. The
 * name a client gives an address is kept as its external id of kind {@value #NAME_KIND} (the
 * core's addresses have no name, and the id row goes with the GCE view, not with the core's
 * data); an address allocated by another API has none and is shown as {@code ip-a-b-c-d}.
 * An address static-NATed to a VM is IN_USE by that instance.
 */
public class Addresses {
    public static final String KIND = "address";
    public static final String NAME_KIND = "address-name";

    private final PublicIpDao ips;
    private final VmDao vms;
    private final ExternalIdDao names;
    private final Locations locations;
    private final GceIds ids;
    private final Descriptions descriptions;

    public Addresses(PublicIpDao ips, VmDao vms, ExternalIdDao names, Locations locations, GceIds ids,
                     Descriptions descriptions) {
        this.ips = ips;
        this.vms = vms;
        this.names = names;
        this.locations = locations;
        this.ids = ids;
        this.descriptions = descriptions;
    }

    public static String path(String region, String name) {
        return "regions/" + region + "/addresses/" + name;
    }

    public static GceException notFound(GceCall call, String region, String name) {
        return GceException.notFound("projects/" + call.project() + "/" + path(region, name));
    }

    /** The name of an address nobody named: its IP, as a valid resource name. */
    public static String unnamed(PublicIp ip) {
        return "ip-" + ip.address().replace('.', '-').replace(':', '-');
    }

    public record Named(PublicIp ip, String name, String region) {
    }

    /** The account's addresses in the region's zones (region null: every region), with their names. */
    public List<Named> all(GceCall call, String region) {
        List<PublicIp> owned = ips.listAllocated(new PublicIpDao.Query(new Visibility(call.ctx().domainPath(),
                call.accountId()), null, null, null, null), 0, Integer.MAX_VALUE);
        Map<Long, String> regionOf = new HashMap<>();
        List<PublicIp> kept = new ArrayList<>();
        for (PublicIp ip : owned) {
            if (ip.accountId() == null || ip.accountId() != call.accountId()) {
                continue;
            }
            String r = regionOf.computeIfAbsent(ip.zoneId(), z -> Locations.regionOf(locations.zoneName(z)));
            if (region == null || region.equals(r)) {
                kept.add(ip);
            }
        }
        Map<String, String> named = names.findAll(Projects.API, NAME_KIND, kept.stream().map(PublicIp::uuid)
                .toList());
        List<Named> out = new ArrayList<>();
        for (PublicIp ip : kept) {
            out.add(new Named(ip, named.getOrDefault(ip.uuid(), unnamed(ip)), regionOf.get(ip.zoneId())));
        }
        return out;
    }

    public Optional<Named> find(GceCall call, String region, String name) {
        return all(call, region).stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Named findOrThrow(GceCall call, String region, String name) {
        return find(call, region, name).orElseThrow(() -> notFound(call, region, name));
    }

    /** Names the new address (in the insert's job) and gives it the id its Operation announced. */
    public void name(PublicIp ip, String name, long id, String description) {
        names.assign(Projects.API, NAME_KIND, ip.uuid(), name, ip.accountId());
        ids.assign(KIND, ip.uuid(), id, ip.accountId());
        descriptions.set(ip.uuid(), description);
    }

    /** Forgets the released address's name and id. */
    public void forget(PublicIp ip) {
        descriptions.forget(ip.uuid());
        names.forget(Projects.API, NAME_KIND, ip.uuid());
        ids.forget(KIND, ip.uuid());
    }

    public Optional<Vm> user(PublicIp ip) {
        return ip.vmId() == null ? Optional.empty() : vms.find(ip.vmId());
    }

    public List<Address> views(GceCall call, List<Named> all) {
        Map<String, Long> idOf = ids.ids(KIND, all.stream().map(a -> a.ip().uuid()).toList(), call.accountId());
        Map<String, String> described = descriptions.of(all.stream().map(a -> a.ip().uuid()).toList());
        List<Address> out = new ArrayList<>();
        for (Named a : all) {
            Address.Builder b = Address.newBuilder()
                    .setKind("compute#address")
                    .setId(idOf.get(a.ip().uuid()))
                    .setCreationTimestamp(Times.rfc3339(a.ip().allocated()))
                    .setName(a.name())
                    .setDescription(described.getOrDefault(a.ip().uuid(), ""))
                    .setAddress(a.ip().address())
                    .setAddressType(Address.AddressType.EXTERNAL.name())
                    .setNetworkTier(Address.NetworkTier.PREMIUM.name())
                    .setIpVersion(Address.IpVersion.IPV4.name())
                    .setRegion(call.regionLink(a.region()))
                    .setSelfLink(call.regionLink(a.region(), "addresses", a.name()))
                    .setStatus(Address.Status.RESERVED.name());
            Optional<Vm> user = user(a.ip());
            if (user.isPresent()) {
                String zone = locations.zoneName(user.get().zoneId());
                b.setStatus(Address.Status.IN_USE.name()).addUsers(call.link(Disks.instancePath(zone, user.get())));
            }
            out.add(b.build());
        }
        return out;
    }
}
