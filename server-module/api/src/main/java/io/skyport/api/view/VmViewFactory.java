package io.skyport.api.view;

import io.skyport.api.write.Dates;
import io.skyport.core.catalog.OsType;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.User;
import io.skyport.core.identity.UserDao;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.network.Ipv4;
import io.skyport.core.network.Network;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.network.NicDao;
import io.skyport.core.network.Nic;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmStatsCollector;
import io.skyport.plugin.HypervisorDriver.VmStats;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;

/**
 * Builds virtualmachine responses. One instance per request: owners, offerings and templates
 * shared by the VMs of a page are looked up once.
 */
public class VmViewFactory {
    /** Where a VM view's parts come from; one instance serves every request. */
    public record Sources(ViewFactory views, ZoneDao zoneDao, HostDao hostDao, ServiceOfferingDao offerings,
                          TemplateDao templates, OsTypeDao osTypes, NetworkDao networks, NicDao nics,
                          SecurityGroupDao groups, UserDao users, ResourceTagDao tags, VmStatsCollector stats) {
    }

    private final ViewFactory views;
    private final ZoneDao zoneDao;
    private final HostDao hostDao;
    private final ServiceOfferingDao offerings;
    private final TemplateDao templates;
    private final OsTypeDao osTypes;
    private final NetworkDao networks;
    private final NicDao nics;
    private final SecurityGroupDao groups;
    private final UserDao users;
    private final ResourceTagDao tags;
    private final VmStatsCollector stats;
    private final Map<String, Object> memo = new HashMap<>();

    public VmViewFactory(Sources sources) {
        this.views = sources.views();
        this.zoneDao = sources.zoneDao();
        this.hostDao = sources.hostDao();
        this.offerings = sources.offerings();
        this.templates = sources.templates();
        this.osTypes = sources.osTypes();
        this.networks = sources.networks();
        this.nics = sources.nics();
        this.groups = sources.groups();
        this.users = sources.users();
        this.tags = sources.tags();
        this.stats = sources.stats();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String kind, long id, Function<Long, T> load) {
        return (T) memo.computeIfAbsent(kind + ":" + id, k -> load.apply(id));
    }

    /** Views of a page of VMs: NICs, groups and tags of the whole page are read in one query each. */
    public List<VmView> views(List<Vm> page) {
        List<Long> ids = page.stream().map(Vm::id).toList();
        Map<Long, List<Nic>> nicsByVm = new HashMap<>();
        for (Nic n : nics.nicsOf(ids)) {
            nicsByVm.computeIfAbsent(n.vmId(), k -> new ArrayList<>()).add(n);
        }
        Map<Long, List<SecurityGroup>> sgs = groups.ofVms(ids);
        Map<Long, List<ResourceTag>> tagRows = tags.ofResources("UserVm", ids);
        List<VmView> out = new ArrayList<>(page.size());
        for (Vm vm : page) {
            out.add(build(vm, nicsByVm.getOrDefault(vm.id(), List.of()), sgs.getOrDefault(vm.id(), List.of()),
                    tagRows.getOrDefault(vm.id(), List.of())));
        }
        return out;
    }

    public VmView view(Vm vm) {
        return views(List.of(vm)).get(0);
    }

    private VmView build(Vm vm, List<Nic> vmNics, List<SecurityGroup> vmGroups, List<ResourceTag> vmTags) {
        VmView v = new VmView();
        Account a = cached("account", vm.accountId(), views::account);
        Domain d = cached("domain", a.domainId(), views::domain);
        Optional<User> user = cached("user", a.id(), id -> users.listByAccount(id).stream().findFirst());
        Zone z = cached("zone", vm.zoneId(), id -> zoneDao.zone(id).orElseThrow());
        ServiceOffering so = cached("offering", vm.serviceOfferingId(), id -> offerings.find(id).orElse(null));
        Template t = cached("template", vm.templateId(), id -> templates.find(id).orElse(null));
        v.id = vm.uuid();
        v.name = vm.name();
        v.displayname = vm.displayName();
        v.account = a.name();
        v.userid = user.map(User::uuid).orElse(null);
        v.username = user.map(User::username).orElse(null);
        v.domain = d.name();
        v.domainid = d.uuid();
        v.domainpath = "ROOT".equals(d.path()) ? "/" : d.path().substring(4);
        v.created = Dates.format(vm.created());
        v.lastupdated = Dates.format(vm.updated());
        v.state = vm.state().name();
        v.zoneid = z.uuid();
        v.zonename = z.name();
        if (vm.hostId() != null) {
            Optional<Host> h = cached("host", vm.hostId(), hostDao::host);
            h.ifPresent(host -> {
                v.hostid = host.uuid();
                v.hostname = host.name();
                v.hostcontrolstate = "Up".equals(host.status()) ? "Enabled" : "Offline";
            });
        }
        v.hypervisor = vm.hypervisor();
        if (vm.lastHostId() == null) {
            v.bootmode = "legacy";
            v.boottype = "Bios";
        } else {
            // CloudStack records this detail once a VM has left a host and reports it from then on
            v.details = Map.of("Message.ReservedCapacityFreed.Flag", "false");
        }
        v.instancename = "i-" + a.id() + "-" + vm.id() + "-VM";
        if (t != null) {
            v.templateid = t.uuid();
            v.templatename = t.name();
            v.templatedisplaytext = t.displayText();
            v.templateformat = t.format();
            v.templatetype = t.featured() ? "BUILTIN" : "USER";
            v.passwordenabled = t.passwordEnabled();
            Optional<OsType> os = cached("os", t.osTypeId(), osTypes::osType);
            os.ifPresent(o -> {
                v.guestosid = o.uuid();
                v.ostypeid = o.uuid();
                v.osdisplayname = o.description();
            });
        }
        if (so != null) {
            v.serviceofferingid = so.uuid();
            v.serviceofferingname = so.name();
        }
        v.cpunumber = vm.cpus();
        v.cpuspeed = vm.cpuSpeed();
        v.memory = vm.memoryMb();
        if (vm.state() == io.skyport.core.vm.VmState.Running) {
            stats.latest(vm.uuid()).ifPresent(sample -> metrics(v, sample));
        }
        v.keypairs = vm.keypairs();
        v.nic = nics(vm, vmNics);
        v.ipaddress = v.nic.isEmpty() ? null : v.nic.get(0).ipaddress();
        v.securitygroup = vmGroups.stream().map(g -> new VmView.SecurityGroupRef(g.uuid(), g.name(),
                g.description(), a.name(), List.of(), List.of(), List.of(), List.of())).toList();
        v.tags = tagViews(vmTags, a, d);
        return v;
    }

    /**
     * CloudStack's metric fields, from the collector's latest sample: cpu as a percentage string,
     * memory in KiB (used, free inside the limit, the limit itself).
     */
    static void metrics(VmView v, VmStats sample) {
        v.cpuused = String.format(Locale.ROOT, "%.2f%%", sample.cpuPercent());
        v.memorykbs = sample.memoryUsedBytes() / 1024;
        v.memoryintfreekbs = Math.max(0, sample.memoryLimitBytes() - sample.memoryUsedBytes()) / 1024;
        v.memorytargetkbs = sample.memoryLimitBytes() / 1024;
    }

    private List<VmView.NicView> nics(Vm vm, List<Nic> vmNics) {
        // a NIC is implemented on the wire (and has a broadcast URI) only while its VM runs
        boolean implemented = vm.state() == io.skyport.core.vm.VmState.Running;
        List<VmView.NicView> out = new ArrayList<>();
        for (Nic n : vmNics) {
            Network net = cached("network", n.networkId(), id -> networks.find(id).orElse(null));
            // a NIC without an address (its host gives the VM no guest network) has no netmask or gateway either
            boolean addressed = net != null && n.ipAddress() != null;
            String netmask = addressed ? Ipv4.Cidr.parse(net.cidr()).netmask() : null;
            out.add(new VmView.NicView(n.uuid(), net == null ? null : net.uuid(), net == null ? null : net.name(),
                    n.ipAddress(), netmask, addressed ? net.gateway() : null, n.macAddress(),
                    Integer.toString(n.deviceId()), n.isDefault(), "Guest", net == null ? null : net.networkType(),
                    implemented ? "vlan://untagged" : null, implemented ? "vlan://untagged" : null, List.of(),
                    List.of()));
        }
        return out;
    }

    /** Tags in the embedded shape. */
    public static List<VmView.TagView> tagViews(List<ResourceTag> tags, Account a, Domain d) {
        return tags.stream().map(t -> new VmView.TagView(t.key(), t.value(), t.resourceType(), t.resourceUuid(),
                a.name(), d.uuid(), d.name(), d.path())).toList();
    }
}
