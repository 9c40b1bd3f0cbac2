package io.skyport.api.view.infra;

import io.skyport.api.view.EventView;
import io.skyport.api.view.ViewFactory;
import io.skyport.api.write.Dates;
import io.skyport.core.CoreModule;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.OsType;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.Template;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.event.EventDao.EventRow;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.Pod;
import io.skyport.core.infra.Zone;
import io.skyport.core.network.Ipv4;
import io.skyport.core.network.Network;
import io.skyport.core.publicip.VlanIpRange;
import io.skyport.core.publicip.VlanIpRangeDao;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the responses of zones, pods, clusters, hosts, offerings, osTypes, networks and events. */
public class InfraViews {
    private final ZoneDao zoneDao;
    private final PodDao podDao;
    private final ClusterDao clusterDao;
    private final HostDao hostDao;
    private final OsTypeDao osTypes;
    private final ViewFactory views;
    private final VlanIpRangeDao ranges;
    private final ManagementNode node;
    private final DomainDao domains;

    public InfraViews(ZoneDao zoneDao, PodDao podDao, ClusterDao clusterDao, HostDao hostDao, OsTypeDao osTypes,
                      ViewFactory views, VlanIpRangeDao ranges, ManagementNode node, DomainDao domains) {
        this.domains = domains;
        this.zoneDao = zoneDao;
        this.podDao = podDao;
        this.clusterDao = clusterDao;
        this.hostDao = hostDao;
        this.osTypes = osTypes;
        this.views = views;
        this.ranges = ranges;
        this.node = node;
    }

    /** Users see a zone without its addressing (DNS servers, guest CIDR, domain), as in CloudStack. */
    public ZoneView zone(Zone z, boolean full, boolean capacities) {
        ZoneView v = new ZoneView();
        v.id = z.uuid();
        v.name = z.name();
        v.description = z.description();
        if (full) {
            v.dns1 = z.dns1();
            v.dns2 = z.dns2();
            v.internaldns1 = z.internalDns1();
            v.internaldns2 = z.internalDns2();
            v.guestcidraddress = z.guestCidr();
            v.domain = z.networkDomain();
        }
        v.networktype = z.networkType();
        v.securitygroupsenabled = z.securityGroupsEnabled();
        v.allocationstate = z.allocationState();
        v.zonetoken = NetworkOfferings.stableId("zone-token:" + z.uuid());
        if (capacities) {
            v.capacity = capacities(z);
        }
        return v;
    }

    private List<ZoneView.CapacityView> capacities(Zone z) {
        long memTotal = 0;
        long memUsed = 0;
        long cpuTotal = 0;
        long cpuUsed = 0;
        for (Host h : hostDao.hosts(null, z.id(), null, null, null, null)) {
            memTotal += h.memoryBytes();
            memUsed += h.memoryUsed();
            cpuTotal += h.cpuTotal();
            cpuUsed += h.cpuUsed();
        }
        // CloudStack's capacity types: 0 = memory, 1 = cpu
        return List.of(new ZoneView.CapacityView(0, "MEMORY", z.uuid(), z.name(), memUsed, memUsed, memTotal,
                        Percent.plain(memUsed, memTotal)),
                new ZoneView.CapacityView(1, "CPU", z.uuid(), z.name(), cpuUsed, cpuUsed, cpuTotal,
                        Percent.plain(cpuUsed, cpuTotal)));
    }

    public PodView pod(Pod p) {
        PodView v = new PodView();
        Zone z = zone(p.zoneId());
        v.id = p.uuid();
        v.name = p.name();
        v.zoneid = z.uuid();
        v.zonename = z.name();
        v.gateway = p.gateway();
        v.netmask = p.netmask();
        if (p.startIp() != null) {
            String end = p.endIp() == null ? p.startIp() : p.endIp();
            v.startip = List.of(p.startIp());
            v.endip = List.of(end);
            v.forsystemvms = List.of("0");
            v.vlanid = List.of("vlan://untagged");
            v.ipranges = List.of(new PodView.IpRange(p.startIp(), end, "0", "vlan://untagged"));
        }
        v.allocationstate = p.allocationState();
        return v;
    }

    public ClusterView cluster(Cluster c) {
        ClusterView v = new ClusterView();
        Zone z = zone(c.zoneId());
        Pod p = podDao.pod(c.podId()).orElseThrow();
        v.id = c.uuid();
        v.name = c.name();
        v.podid = p.uuid();
        v.podname = p.name();
        v.zoneid = z.uuid();
        v.zonename = z.name();
        v.hypervisortype = c.hypervisor();
        v.clustertype = c.clusterType();
        v.allocationstate = c.allocationState();
        return v;
    }

    public HostView host(Host h) {
        HostView v = new HostView();
        Zone z = zone(h.zoneId());
        Pod p = podDao.pod(h.podId()).orElseThrow();
        Cluster c = clusterDao.cluster(h.clusterId()).orElseThrow();
        v.id = h.uuid();
        v.name = h.name();
        v.state = h.status();
        v.ipaddress = address(h.url());
        v.zoneid = z.uuid();
        v.zonename = z.name();
        v.podid = p.uuid();
        v.podname = p.name();
        v.version = CoreModule.VERSION;
        v.hypervisor = h.hypervisor();
        v.hypervisorversion = CoreModule.VERSION;
        v.cpunumber = h.cpus();
        v.cpuspeed = h.cpuSpeed();
        v.cpuallocatedvalue = h.cpuUsed();
        v.cpuallocated = Percent.of(h.cpuUsed(), h.cpuTotal());
        v.cpuallocatedpercentage = v.cpuallocated;
        v.cpuallocatedwithoverprovisioning = v.cpuallocated;
        v.cpuwithoverprovisioning = Long.toString(h.cpuTotal());
        v.memorytotal = h.memoryBytes();
        v.memorywithoverprovisioning = Long.toString(h.memoryBytes());
        v.memoryallocated = h.memoryUsed();
        v.memoryallocatedbytes = h.memoryUsed();
        v.memoryallocatedpercentage = Percent.of(h.memoryUsed(), h.memoryBytes());
        v.lastpinged = Dates.format(h.lastPing());
        v.managementserverid = node.nodeId();
        v.clusterid = c.uuid();
        v.clustername = c.name();
        v.clustertype = c.clusterType();
        v.created = Dates.format(h.created());
        v.resourcestate = h.resourceState();
        return v;
    }

    /** The host part of a host URL (sim://name?..., tcp://1.2.3.4:2376): what the host is reached at. */
    private static String address(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null ? host : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    public ServiceOfferingView serviceOffering(ServiceOffering o) {
        ServiceOfferingView v = new ServiceOfferingView();
        v.id = o.uuid();
        v.name = o.name();
        v.displaytext = o.displayText();
        v.cpunumber = o.cpus();
        v.cpuspeed = o.cpuSpeed();
        v.memory = o.memoryMb();
        v.created = Dates.format(o.created());
        v.storagetype = o.storageType();
        v.limitcpuuse = o.limitCpuUse();
        if (o.domainId() != null) {
            Domain d = views.domain(o.domainId());
            v.domainid = d.uuid();
            v.domain = d.name();
        }
        return v;
    }

    public DiskOfferingView diskOffering(DiskOffering o) {
        DiskOfferingView v = new DiskOfferingView();
        v.id = o.uuid();
        v.name = o.name();
        v.displaytext = o.displayText();
        v.disksize = o.diskSizeGb();
        v.created = Dates.format(o.created());
        v.iscustomized = o.customized();
        v.storagetype = o.storageType();
        if (o.domainId() != null) {
            Domain d = views.domain(o.domainId());
            v.domainid = d.uuid();
            v.domain = d.name();
        }
        return v;
    }

    /** A template as listed in one zone (a cross-zone template is listed once per zone, as CloudStack does). */
    public TemplateView template(Template t, Zone z) {
        TemplateView v = new TemplateView();
        Account owner = views.account(t.accountId());
        Domain d = views.domain(owner.domainId());
        Optional<OsType> os = osTypes.osType(t.osTypeId());
        v.id = t.uuid();
        v.name = t.name();
        v.displaytext = t.displayText();
        v.ispublic = t.isPublic();
        v.created = Dates.format(t.created());
        v.isready = "Ready".equals(t.state());
        v.passwordenabled = t.passwordEnabled();
        v.format = t.format();
        v.isfeatured = t.featured();
        v.crossZones = t.zoneId() == null;
        v.ostypeid = os.map(OsType::uuid).orElse(null);
        v.ostypename = os.map(OsType::description).orElse(null);
        v.account = owner.name();
        v.zoneid = z.uuid();
        v.zonename = z.name();
        v.status = v.isready ? "Download Complete" : t.state();
        v.size = t.sizeBytes();
        v.physicalsize = t.sizeBytes();
        v.templatetype = t.featured() ? "BUILTIN" : "USER";
        v.hypervisor = t.hypervisor();
        v.domain = d.name();
        v.domainid = d.uuid();
        v.domainpath = domainPath(d);
        v.url = t.url();
        v.details = t.image() == null ? Map.of() : Map.of("image", t.image());
        v.downloaddetails = List.of(new TemplateView.DownloadDetail("skyport-images",
                NetworkOfferings.stableId("image-store:" + z.uuid()), "Image", v.isready ? "100" : "0",
                v.isready ? "DOWNLOADED" : "NOT_DOWNLOADED"));
        return v;
    }

    public NetworkView network(Network n) {
        NetworkView v = new NetworkView();
        Zone z = zone(n.zoneId());
        Ipv4.Cidr cidr = Ipv4.Cidr.parse(n.cidr());
        v.id = n.uuid();
        v.related = n.uuid();
        v.name = n.name();
        v.displaytext = n.displayText();
        v.traffictype = n.trafficType();
        v.gateway = n.gateway();
        v.netmask = cidr.netmask();
        v.cidr = cidr.toString();
        v.zoneid = z.uuid();
        v.zonename = z.name();
        v.networkofferingid = NetworkOfferings.SHARED_SG_ID;
        v.networkofferingname = NetworkOfferings.SHARED_SG_NAME;
        v.networkofferingdisplaytext = NetworkOfferings.SHARED_SG_TEXT;
        v.state = n.state();
        v.dns1 = z.dns1();
        v.type = n.networkType();
        Domain d;
        if (n.accountId() == null) {
            // zone-wide networks belong to the root domain and to no account
            v.acltype = "Domain";
            d = root();
        } else {
            Account a = views.account(n.accountId());
            v.acltype = "Account";
            v.account = a.name();
            d = views.domain(a.domainId());
        }
        v.domainid = d.uuid();
        v.domain = d.name();
        v.domainpath = domainPath(d);
        v.service = networkServices();
        v.networkdomain = z.networkDomain() == null ? "skyport.internal" : z.networkDomain();
        v.physicalnetworkid = NetworkOfferings.stableId("physical-network:" + z.uuid());
        v.created = Dates.format(n.created());
        return v;
    }

    private static List<NetworkView.Service> networkServices() {
        List<NetworkView.Service> out = new ArrayList<>();
        for (NetworkOfferingView.Service s : NetworkOfferings.services()) {
            List<NetworkView.Capability> caps = switch (s.name()) {
                case "Dns" -> List.of(new NetworkView.Capability("AllowDnsSuffixModification", "true", false));
                case "Dhcp" -> List.of(new NetworkView.Capability("DhcpAccrossMultipleSubnets", "true", false));
                default -> List.of();
            };
            out.add(new NetworkView.Service(s.name(), s.provider(), caps));
        }
        return out;
    }

    public OsTypeView osType(OsType o) {
        return new OsTypeView(o.uuid(), o.description(), o.description(),
                NetworkOfferings.stableId("os-category:" + o.category()), o.category(), false, true);
    }

    public EventView event(EventRow e) {
        return new EventView(e.uuid(), e.type(), e.level(), e.state(), e.description(), e.accountName(),
                e.username(), e.domainName(), e.domainUuid(), domainPath(e.domainPath()), e.resourceType(),
                e.resourceUuid(), Dates.format(e.created()));
    }

    public VlanIpRangeView vlan(VlanIpRange r) {
        Zone z = zone(r.zoneId());
        Domain root = root();
        return new VlanIpRangeView(r.uuid(), true, z.uuid(), "untagged".equals(r.vlan()) ? "vlan://untagged"
                : "vlan://" + r.vlan(), r.gateway(), r.netmask(), r.startIp(), r.endIp(), false,
                NetworkOfferings.stableId("physical-network:" + z.uuid()), root.uuid(), root.name(),
                ranges.allocatedCount(r.id()));
    }

    private Domain root() {
        return domains.findByPath("ROOT").orElseThrow();
    }

    private Zone zone(long id) {
        return zoneDao.zone(id).orElseThrow();
    }

    private static String domainPath(Domain d) {
        return domainPath(d.path());
    }

    /** CloudStack writes ROOT as "/" and ROOT/a/b as "/a/b". */
    private static String domainPath(String path) {
        return "ROOT".equals(path) ? "/" : path.substring(4);
    }
}
