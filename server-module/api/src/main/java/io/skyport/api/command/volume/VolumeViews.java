package io.skyport.api.command.volume;

import io.skyport.api.view.ViewFactory;
import io.skyport.api.write.Dates;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.Pod;
import io.skyport.core.infra.Zone;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.volume.Volume;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds volume responses; ROOT volumes carry their VM's offering and template, as CloudStack's do. */
@Component
public class VolumeViews {
    private final ViewFactory views;
    private final ZoneDao zoneDao;
    private final PodDao podDao;
    private final ClusterDao clusterDao;
    private final HostDao hostDao;
    private final DiskOfferingDao offerings;
    private final ServiceOfferingDao serviceOfferings;
    private final TemplateDao templates;
    private final VmDao vms;

    public VolumeViews(ViewFactory views, ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao, DiskOfferingDao offerings,
                       ServiceOfferingDao serviceOfferings, TemplateDao templates, VmDao vms) {
        this.views = views;
        this.zoneDao = zoneDao;
        this.podDao = podDao;
        this.clusterDao = clusterDao;
        this.hostDao = hostDao;
        this.offerings = offerings;
        this.serviceOfferings = serviceOfferings;
        this.templates = templates;
        this.vms = vms;
    }

    public VolumeView view(Volume v) {
        Account a = views.account(v.accountId());
        Domain d = views.domain(v.domainId());
        Zone z = zoneDao.zone(v.zoneId()).orElse(null);
        DiskOffering o = v.diskOfferingId() == null ? null : offerings.find(v.diskOfferingId()).orElse(null);
        Vm vm = v.vmId() == null ? null : vms.find(v.vmId()).orElse(null);
        boolean root = "ROOT".equals(v.volumeType());
        ServiceOffering so = root && vm != null ? serviceOfferings.find(vm.serviceOfferingId()).orElse(null) : null;
        Template t = root && vm != null ? templates.find(vm.templateId()).orElse(null) : null;
        Long hostId = vm == null ? null : vm.hostId() != null ? vm.hostId() : vm.lastHostId();
        Host h = hostId == null ? null : hostDao.host(hostId).orElse(null);
        Pod p = h == null ? null : podDao.pod(h.podId()).orElse(null);
        Cluster c = h == null ? null : clusterDao.cluster(h.clusterId()).orElse(null);
        String storageId = z == null ? null
                : UUID.nameUUIDFromBytes(("primary:" + z.uuid()).getBytes(StandardCharsets.UTF_8)).toString();
        return new VolumeView(v.uuid(), v.name(), v.volumeType(), v.state(), v.sizeBytes(), v.sizeBytes(),
                v.sizeBytes(), v.uuid(), v.deviceId(), a.name(), d.name(), d.uuid(),
                "ROOT".equals(d.path()) ? "/" : d.path().substring(4), z == null ? null : z.uuid(),
                z == null ? null : z.name(), p == null ? null : p.uuid(), p == null ? null : p.name(),
                c == null ? null : c.uuid(), c == null ? null : c.name(), vm == null ? null : vm.hypervisor(),
                z == null ? null : "primary-" + z.name(), storageId, "shared", "thin", Dates.format(v.created()),
                o == null ? null : o.uuid(), o == null ? null : o.name(), so == null ? null : so.uuid(),
                so == null ? null : so.name(), so == null ? null : so.displayText(), t == null ? null : t.uuid(),
                t == null ? null : t.name(), t == null ? null : t.displayText(), vm == null ? null : vm.uuid(),
                vm == null ? null : vm.name(), vm == null ? null : vm.displayName(),
                vm == null ? null : vm.state().name(), vm == null ? null : "User", "0.0%", 0, 0, 0, 0, false, true,
                false, false, false, false, false, List.of());
    }
}
