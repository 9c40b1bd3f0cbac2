package io.skyport.ec2.view;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.job.AsyncJobDao;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.network.Nic;
import io.skyport.core.network.NicDao;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.ec2.service.InstanceMetadataOptions;
import io.skyport.ec2.service.InstanceTypes;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.ArchitectureValues;
import software.amazon.awssdk.services.ec2.model.CpuOptions;
import software.amazon.awssdk.services.ec2.model.DeviceType;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.HypervisorType;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.MonitoringState;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.VirtualizationType;

/**
 * Core VMs as EC2 instances. Everything a page of instances needs is loaded in a few batched
 * queries (ids, addresses, groups, tags, queued operations), never one query per instance.
 */
@Component
public class InstanceViews {
    private static final Monitoring MONITORING = Monitoring.builder().state(MonitoringState.DISABLED).build();

    /** Resource type of VM tags in the core's tag table. */
    public static final String TAG_TYPE = "UserVm";

    private final Ec2Ids ids;
    private final NicDao nics;
    private final SecurityGroupDao groups;
    private final ResourceTagDao tags;
    private final TemplateDao templates;
    private final ServiceOfferingDao offerings;
    private final ZoneDao zones;
    private final NetworkDao networks;
    private final AsyncJobDao jobs;
    private final PublicIpDao publicIps;
    private final ExternalIdDao tokens;
    private final InstanceMetadataOptions metadataOptions;
    private final VmDao vmDao;

    public InstanceViews(Ec2Ids ids, NicDao nics, SecurityGroupDao groups, ResourceTagDao tags, TemplateDao templates,
                         ServiceOfferingDao offerings, ZoneDao zones, NetworkDao networks, AsyncJobDao jobs,
                         PublicIpDao publicIps, ExternalIdDao tokens, InstanceMetadataOptions metadataOptions,
                         VmDao vmDao) {
        this.tokens = tokens;
        this.vmDao = vmDao;
        this.metadataOptions = metadataOptions;
        this.ids = ids;
        this.nics = nics;
        this.groups = groups;
        this.tags = tags;
        this.templates = templates;
        this.offerings = offerings;
        this.zones = zones;
        this.networks = networks;
        this.jobs = jobs;
        this.publicIps = publicIps;
    }

    /** An instance with the reservation it belongs to. */
    public record Placed(Vm vm, String reservationId, Instance instance) {
    }

    /** The 12-digit owner id EC2 shows for an account. */
    public static String ownerId(long accountId) {
        String digits = Long.toString(accountId);
        return digits.length() >= 12 ? digits : "000000000000".substring(digits.length()) + digits;
    }

    public List<Placed> build(CallContext caller, List<Vm> vms) {
        if (vms.isEmpty()) {
            return List.of();
        }
        Map<String, Long> owners = new LinkedHashMap<>();
        List<Long> vmIds = new ArrayList<>(vms.size());
        for (Vm vm : vms) {
            owners.put(vm.uuid(), vm.accountId());
            vmIds.add(vm.id());
        }
        Map<String, String> instanceIds = ids.ofAll(Kind.INSTANCE, owners);
        Map<String, String> reservationIds = ids.ofAll(Kind.RESERVATION, owners);
        Map<String, String> pending = jobs.pendingCommands("VirtualMachine", owners.keySet());
        List<Vm> current = vmDao.settled(vms, pending.keySet());
        Map<String, String> clientTokens = tokens.tokensByResult("ec2", caller.accountId());
        Map<String, InstanceMetadataOptions.Applied> imds = metadataOptions.applied(owners.keySet());
        // most instances share one of a few option sets: one response object each
        Map<InstanceMetadataOptions.Applied, InstanceMetadataOptionsResponse> imdsViews = new HashMap<>();
        Map<Long, Nic> nicOf = new HashMap<>();
        for (Nic n : nics.nicsOf(vmIds)) {
            if (n.isDefault() || !nicOf.containsKey(n.vmId())) {
                nicOf.put(n.vmId(), n);
            }
        }
        Map<Long, List<SecurityGroup>> groupsOf = groups.ofVms(vmIds);
        Map<Long, List<ResourceTag>> tagsOf = tags.ofResources(TAG_TYPE, vmIds);
        Map<Long, String> publicOf = new HashMap<>();
        for (PublicIp ip : publicIps.staticNatOfVms(vmIds)) {
            publicOf.put(ip.vmId(), ip.address());
        }
        // ids of resources many instances share (groups, images, networks), looked up once per call
        Map<String, String> shared = new HashMap<>();
        Lookup<Template> template = new Lookup<>(id -> templates.find(id).orElse(null));
        Map<Long, String> typeNames = new HashMap<>();
        // immutable parts many instances share
        Map<Long, Placement> placements = new HashMap<>();
        Map<Integer, CpuOptions> cpuOptions = new HashMap<>();
        Lookup<ServiceOffering> offering = new Lookup<>(id -> offerings.find(id).orElse(null));
        Lookup<Zone> zone = new Lookup<>(id -> zones.zone(id).orElse(null));
        Lookup<Network> network = new Lookup<>(id -> networks.find(id).orElse(null));
        List<Placed> out = new ArrayList<>(current.size());
        for (Vm vm : current) {
            Template t = template.get(vm.templateId());
            ServiceOffering so = offering.get(vm.serviceOfferingId());
            Zone z = zone.get(vm.zoneId());
            Nic nic = nicOf.get(vm.id());
            Network net = nic == null ? null : network.get(nic.networkId());
            List<GroupIdentifier> sgs = new ArrayList<>();
            for (SecurityGroup g : groupsOf.getOrDefault(vm.id(), List.of())) {
                String sgId = sharedId(shared, Kind.SECURITY_GROUP, g.uuid(), g.accountId());
                sgs.add(GroupIdentifier.builder().groupId(sgId).groupName(g.name()).build());
            }
            Instance.Builder b = Instance.builder()
                    .instanceId(instanceIds.get(vm.uuid()))
                    .imageId(t == null ? null : sharedId(shared, Kind.IMAGE, t.uuid(), t.accountId()))
                    .state(InstanceStates.of(vm.state(), pending.get(vm.uuid())))
                    .privateDnsName(nic == null || nic.ipAddress() == null ? ""
                            : "ip-" + nic.ipAddress().replace('.', '-') + ".ec2.internal")
                    .publicDnsName("")
                    .keyName(firstKey(vm.keypairs()))
                    .amiLaunchIndex(0)
                    .instanceType(so == null ? null : typeNames.computeIfAbsent(so.id(), k -> InstanceTypes.typeName(so)))
                    .launchTime(vm.created())
                    .placement(placements.computeIfAbsent(vm.zoneId(), id -> Placement.builder()
                            .availabilityZone(z == null ? null : z.name()).tenancy(Tenancy.DEFAULT).groupName("")
                            .build()))
                    .monitoring(MONITORING)
                    .privateIpAddress(nic == null ? null : nic.ipAddress())
                    .publicIpAddress(publicOf.get(vm.id()))
                    .architecture(ArchitectureValues.X86_64)
                    .rootDeviceType(DeviceType.EBS)
                    .rootDeviceName("/dev/sda1")
                    .virtualizationType(VirtualizationType.HVM)
                    .hypervisor(HypervisorType.XEN)
                    .ebsOptimized(false)
                    .sourceDestCheck(true)
                    .platformDetails("Linux/UNIX")
                    .cpuOptions(cpuOptions.computeIfAbsent(vm.cpus(), n -> CpuOptions.builder().coreCount(n)
                            .threadsPerCore(1).build()))
                    .securityGroups(sgs)
                    .metadataOptions(imdsViews.computeIfAbsent(imds.get(vm.uuid()),
                            InstanceViews::metadataOptions))
                    .tags(tagsFor(vm, instanceIds.get(vm.uuid()), tagsOf.getOrDefault(vm.id(), List.of())));
            if (net != null) {
                b.vpcId(sharedId(shared, Kind.VPC, net.uuid(), 1)).subnetId(sharedId(shared, Kind.SUBNET, net.uuid(), 1));
            }
            String reservationId = reservationIds.get(vm.uuid());
            b.clientToken(clientTokens.get(reservationId));
            out.add(new Placed(vm, reservationId, b.build()));
        }
        return out;
    }

    /**
     * The metadata options as EC2 shows them: applied at once (IMDS reads them at each request),
     * the endpoint on, IPv6 and tags in metadata off.
     */
    public static InstanceMetadataOptionsResponse metadataOptions(InstanceMetadataOptions.Applied a) {
        return InstanceMetadataOptionsResponse.builder().state(InstanceMetadataOptionsState.APPLIED)
                .httpTokens(a.httpTokens()).httpPutResponseHopLimit(a.hopLimit()).httpEndpoint("enabled")
                .httpProtocolIpv6("disabled").instanceMetadataTags("disabled").build();
    }

    private String sharedId(Map<String, String> memo, Kind kind, String uuid, long accountId) {
        return memo.computeIfAbsent(kind.prefix() + ":" + uuid, k -> ids.of(kind, uuid, accountId));
    }

    /** Groups instances into their reservations, in the order the instances came. */
    public List<Reservation> reservations(List<Placed> placed) {
        Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
        Map<String, Long> owner = new HashMap<>();
        for (Placed p : placed) {
            byReservation.computeIfAbsent(p.reservationId(), k -> new ArrayList<>(1)).add(p.instance());
            owner.putIfAbsent(p.reservationId(), p.vm().accountId());
        }
        Map<Long, String> ownerIds = new HashMap<>();
        List<GroupIdentifier> noGroups = List.of();
        List<Reservation> out = new ArrayList<>(byReservation.size());
        byReservation.forEach((id, members) -> out.add(Reservation.builder().reservationId(id)
                .ownerId(ownerIds.computeIfAbsent(owner.get(id), InstanceViews::ownerId)).groups(noGroups)
                .instances(members).build()));
        return out;
    }

    /**
     * The Name tag is the VM's display name (unless that is just the instance id, given to
     * instances launched without a name); the other tags are its resource tags.
     */
    static List<Tag> tagsFor(Vm vm, String instanceId, List<ResourceTag> rows) {
        List<Tag> out = new ArrayList<>(rows.size() + 1);
        String name = vm.displayName() != null ? vm.displayName() : vm.name();
        if (!name.equals(instanceId)) {
            out.add(Tag.builder().key("Name").value(name).build());
        }
        for (ResourceTag r : rows) {
            if (!"Name".equals(r.key())) {
                out.add(Tag.builder().key(r.key()).value(r.value()).build());
            }
        }
        return out;
    }

    private static String firstKey(String keypairs) {
        if (keypairs == null || keypairs.isEmpty()) {
            return null;
        }
        int comma = keypairs.indexOf(',');
        return comma < 0 ? keypairs : keypairs.substring(0, comma);
    }

    /** A per-call cache of rows shared by many instances (templates, offerings, zones). */
    private static final class Lookup<T> {
        private final Map<Long, T> cache = new HashMap<>();
        private final LongFunction<T> loader;

        Lookup(LongFunction<T> loader) {
            this.loader = loader;
        }

        T get(long id) {
            return cache.computeIfAbsent(id, loader::apply);
        }
    }
}
