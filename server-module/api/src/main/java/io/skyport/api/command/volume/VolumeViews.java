package io.skyport.api.command.volume;

import io.skyport.api.view.ViewFactory;
import io.skyport.api.write.Dates;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.infra.InfraDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.volume.Volume;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
public class VolumeViews {
    private final ViewFactory views;
    private final InfraDao infra;
    private final DiskOfferingDao offerings;
    private final VmDao vms;

    public VolumeViews(ViewFactory views, InfraDao infra, DiskOfferingDao offerings, VmDao vms) {
        this.views = views;
        this.infra = infra;
        this.offerings = offerings;
        this.vms = vms;
    }

    public VolumeView view(Volume v) {
        Account a = views.account(v.accountId());
        Domain d = views.domain(v.domainId());
        Zone z = infra.zone(v.zoneId()).orElse(null);
        DiskOffering o = v.diskOfferingId() == null ? null : offerings.find(v.diskOfferingId()).orElse(null);
        Vm vm = v.vmId() == null ? null : vms.find(v.vmId()).orElse(null);
        return new VolumeView(v.uuid(), v.name(), v.volumeType(), v.state(), v.sizeBytes(), v.sizeBytes(),
                v.deviceId(), a.name(), d.name(), d.uuid(), "ROOT".equals(d.path()) ? "/" : d.path().substring(4),
                z == null ? null : z.uuid(), z == null ? null : z.name(), Dates.format(v.created()), "shared", "thin",
                o == null ? null : o.uuid(), o == null ? null : o.name(), vm == null ? null : vm.uuid(),
                vm == null ? null : vm.name(), vm == null ? null : vm.displayName(),
                vm == null ? null : vm.state().name(), vm == null ? null : "User", false, true, false, false, false,
                List.of());
    }
}
