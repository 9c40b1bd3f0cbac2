package io.skyport.api.command.address;

import io.skyport.api.view.ViewFactory;
import io.skyport.api.write.Dates;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.VlanIpRange;
import io.skyport.core.publicip.VlanIpRangeDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds publicipaddress responses; the network fields name the zone's default guest network. */
@Component
public class PublicIpViews {
    private final ViewFactory views;
    private final ZoneDao zoneDao;
    private final NetworkDao networks;
    private final VlanIpRangeDao ranges;
    private final VmDao vms;

    public PublicIpViews(ViewFactory views, ZoneDao zoneDao, NetworkDao networks, VlanIpRangeDao ranges, VmDao vms) {
        this.views = views;
        this.zoneDao = zoneDao;
        this.networks = networks;
        this.ranges = ranges;
        this.vms = vms;
    }

    public PublicIpView view(PublicIp ip) {
        Account a = views.account(ip.accountId());
        Domain d = views.domain(a.domainId());
        Zone z = zoneDao.zone(ip.zoneId()).orElseThrow();
        Network n = networks.defaultForZone(z.id()).orElse(null);
        VlanIpRange r = ranges.find(ip.rangeId()).orElse(null);
        Vm vm = ip.vmId() == null ? null : vms.find(ip.vmId()).orElse(null);
        // one physical network per zone: a stable id derived from the zone's
        String physical = UUID.nameUUIDFromBytes(("physical:" + z.uuid()).getBytes(StandardCharsets.UTF_8)).toString();
        return new PublicIpView(ip.uuid(), ip.address(), "Allocated", Dates.format(ip.allocated()), a.name(),
                d.name(), d.uuid(), "ROOT".equals(d.path()) ? "/" : d.path().substring(4), z.uuid(), z.name(),
                r == null ? null : r.uuid(), r == null ? null : "vlan://" + r.vlan(), n == null ? null : n.uuid(),
                n == null ? null : n.uuid(), n == null ? null : n.name(), physical, true, false, true, false,
                vm != null, false, false, vm != null, false, vm == null ? null : vm.uuid(),
                vm == null ? null : vm.name(), vm == null ? null : vm.displayName(), List.of());
    }
}
