package io.skyport.core.vm;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.AddressAllocator;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a VM with everything it owns (root volume, NIC with an address, security group
 * membership, usage counters) in one transaction, and removes all of it again on expunge.
 * Either the whole VM exists or none of it does.
 */
@Component
public class VmProvisioner {
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");
    private static final int MAX_USERDATA_BYTES = 32 * 1024;

    private final VmDao vms;
    private final ZoneDao zoneDao;
    private final ClusterDao clusterDao;
    private final ServiceOfferingDao offerings;
    private final TemplateDao templates;
    private final NetworkDao networks;
    private final AddressAllocator addresses;
    private final VolumeDao volumes;
    private final SecurityGroupDao groups;
    private final SshKeyPairDao keypairs;
    private final ResourceCounter counter;
    private final IdentityService identity;
    private final EventService events;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final io.skyport.core.tag.ResourceTagDao tags;
    private final io.skyport.core.network.NicDao nics;
    private final io.skyport.core.publicip.PublicIpDao publicIps;

    public VmProvisioner(VmDao vms, ZoneDao zoneDao, ClusterDao clusterDao, ServiceOfferingDao offerings, TemplateDao templates,
                         NetworkDao networks, AddressAllocator addresses, VolumeDao volumes, SecurityGroupDao groups,
                         SshKeyPairDao keypairs, ResourceCounter counter, IdentityService identity,
                         EventService events, TransactionTemplate tx, io.skyport.core.tag.ResourceTagDao tags,
                         io.skyport.core.network.NicDao nics, io.skyport.core.publicip.PublicIpDao publicIps) {
        this.vms = vms;
        this.zoneDao = zoneDao;
        this.clusterDao = clusterDao;
        this.offerings = offerings;
        this.templates = templates;
        this.networks = networks;
        this.addresses = addresses;
        this.volumes = volumes;
        this.groups = groups;
        this.keypairs = keypairs;
        this.counter = counter;
        this.identity = identity;
        this.events = events;
        this.tx = tx;
        this.tags = tags;
        this.nics = nics;
        this.publicIps = publicIps;
        this.ownTx = new TransactionTemplate(tx.getTransactionManager());
        this.ownTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** Validates the request and creates the VM (Stopped) and what it owns; nothing is placed yet. */
    public Vm create(CallContext caller, DeployRequest r) {
        Account owner = identity.visibleAccount(caller, r.ownerAccountId());
        Zone zone = zoneDao.zone(r.zoneId()).orElseThrow(() -> notFound("zone"));
        ServiceOffering offering = offerings.find(r.serviceOfferingId()).orElseThrow(() -> notFound("service offering"));
        Template template = templates.find(r.templateId())
                .filter(t -> t.isPublic() || t.accountId() == owner.id() || caller.isAdmin())
                .orElseThrow(() -> notFound("template"));
        if (template.zoneId() != null && template.zoneId() != zone.id()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Template " + template.name() + " is not available in zone "
                    + zone.name());
        }
        String name = r.name() == null || r.name().isBlank() ? null : r.name();
        if (name != null && !HOSTNAME.matcher(name).matches()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid name " + name + ": a VM name is a host name "
                    + "(letters, digits and hyphens, starting with a letter, at most 63 characters)");
        }
        checkUserData(r.userData());
        List<String> keyNames = r.keypairs() == null ? List.of() : r.keypairs();
        for (String k : keyNames) {
            keypairs.findByName(owner.id(), k).orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR,
                    "A key pair with name '" + k + "' was not found for account " + owner.name()));
        }
        Network network = r.networkId() != null
                ? networks.find(r.networkId()).filter(n -> n.accountId() == null || n.accountId() == owner.id())
                .orElseThrow(() -> notFound("network"))
                : networks.defaultForZone(zone.id()).orElseThrow(() -> new ApiException(ApiError.INVALID_STATE,
                "Zone " + zone.name() + " has no default guest network"));
        String uuid = UUID.randomUUID().toString();
        String vmName = name != null ? name : "VM-" + uuid;
        String hypervisor = clusterHypervisor(zone.id(), template);
        Set<Long> groupIds = securityGroupsFor(owner, r);
        Vm created = tx.execute(status -> {
            Map<ResourceType, Long> usage = new EnumMap<>(ResourceType.class);
            usage.put(ResourceType.USER_VM, 1L);
            usage.put(ResourceType.CPU, (long) offering.cpus());
            usage.put(ResourceType.MEMORY, (long) offering.memoryMb());
            usage.put(ResourceType.VOLUME, 1L);
            usage.put(ResourceType.VM_ROWS, 1L);
            counter.reserve(owner.id(), usage);
            long id = vms.insert(new VmDao.NewVm(uuid, vmName, r.displayName() != null ? r.displayName() : vmName,
                    owner.id(), owner.domainId(), zone.id(), offering.id(), template.id(), hypervisor, offering.cpus(),
                    offering.cpuSpeed(), offering.memoryMb(), r.userData(),
                    keyNames.isEmpty() ? null : String.join(",", keyNames)));
            addresses.allocateNic(network, id, 0, true);
            volumes.insert(UUID.randomUUID().toString(), "ROOT-" + id, owner.id(), owner.domainId(), zone.id(), id, 0,
                    null, "ROOT", template.sizeBytes(), "Ready");
            for (long g : groupIds) {
                groups.addMember(id, g);
            }
            events.record(caller, "VM.CREATE", "Creating VM " + vmName + " (" + uuid + ")", "VirtualMachine", uuid);
            return vms.find(id).orElseThrow();
        });
        return created;
    }

    private String clusterHypervisor(long zoneId, Template template) {
        if (!"Any".equalsIgnoreCase(template.hypervisor())) {
            return template.hypervisor();
        }
        return clusterDao.clusters(null, zoneId, null, null, null).stream().map(c -> c.hypervisor()).findFirst()
                .orElse("Simulator");
    }

    private Set<Long> securityGroupsFor(Account owner, DeployRequest r) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Long g : r.securityGroupIds() == null ? List.<Long>of() : r.securityGroupIds()) {
            groups.find(g).filter(sg -> sg.accountId() == owner.id())
                    .orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR, "Security group does not belong to "
                            + "the VM's account"));
            ids.add(g);
        }
        for (String n : r.securityGroupNames() == null ? List.<String>of() : r.securityGroupNames()) {
            ids.add(groups.findByName(owner.id(), n).orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR,
                    "Unable to find security group " + n + " for account " + owner.name())).id());
        }
        if (ids.isEmpty()) {
            ids.add(defaultGroup(owner));
        }
        return ids;
    }

    /**
     * Every account has a "default" security group, created when first needed. Each attempt runs
     * in a transaction of its own (the deploy's may already hold an older snapshot), so concurrent
     * first deploys end up with the one group whoever inserted it.
     */
    public long defaultGroup(Account owner) {
        // the common case (the group exists) needs no transaction of its own
        Optional<Long> existing = groups.findByName(owner.id(), "default").map(g -> g.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; ; attempt++) {
            Optional<Long> found = ownTx.execute(s -> groups.findByName(owner.id(), "default").map(g -> g.id()));
            if (found.isPresent()) {
                return found.get();
            }
            try {
                return ownTx.execute(s -> groups.insert(UUID.randomUUID().toString(), "default",
                        "Default Security Group", owner.id(), owner.domainId()));
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    /** True when the name can be a VM's host name. */
    public static boolean validHostName(String name) {
        return name != null && HOSTNAME.matcher(name).matches();
    }

    /** Validates a new host name and user data the same way deploy does. */
    public void checkUpdate(String name, String userData) {
        if (name != null && !HOSTNAME.matcher(name).matches()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid name " + name + ": a VM name is a host name");
        }
        checkUserData(userData);
    }

    private static void checkUserData(String userData) {
        if (userData == null) {
            return;
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(userData);
            if (decoded.length > MAX_USERDATA_BYTES) {
                throw new ApiException(ApiError.PARAM_ERROR, "User data is too long: " + decoded.length
                        + " bytes, the limit is " + MAX_USERDATA_BYTES);
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "User data is not valid base64");
        }
    }

    /**
     * Removes a VM and what it owns: addresses, root volume, memberships, tags and counters.
     * Data volumes are detached and kept. {@code countersHeld} tells whether the VM still holds
     * its vm/cpu/memory counts (a destroyed VM already gave them back).
     */
    public void removeRows(Vm vm, boolean countersHeld) {
        tx.executeWithoutResult(status -> {
            // first, and conditional: two nodes finishing one interrupted expunge release its counters once
            if (!vms.markRemoved(vm.id())) {
                return;
            }
            nics.deleteNicsOf(vm.id());
            for (Volume v : volumes.ofVm(vm.id())) {
                if ("ROOT".equals(v.volumeType())) {
                    volumes.markRemoved(v.id());
                }
            }
            volumes.detachDataVolumesOf(vm.id());
            groups.removeMembersOf(vm.id());
            tags.delete("UserVm", vm.id(), null, null);
            // the address stays allocated to the account, as CloudStack keeps it; only the NAT goes
            publicIps.clearStaticNatOf(vm.id());
            if (countersHeld) {
                releaseRunningCounters(vm);
            }
            counter.release(vm.accountId(), ResourceType.VOLUME, 1);
            counter.release(vm.accountId(), ResourceType.VM_ROWS, 1);
        });
    }

    public void releaseRunningCounters(Vm vm) {
        counter.release(vm.accountId(), ResourceType.USER_VM, 1);
        counter.release(vm.accountId(), ResourceType.CPU, vm.cpus());
        counter.release(vm.accountId(), ResourceType.MEMORY, vm.memoryMb());
    }

    public void reserveRunningCounters(Vm vm) {
        Map<ResourceType, Long> usage = new EnumMap<>(ResourceType.class);
        usage.put(ResourceType.USER_VM, 1L);
        usage.put(ResourceType.CPU, (long) vm.cpus());
        usage.put(ResourceType.MEMORY, (long) vm.memoryMb());
        tx.executeWithoutResult(status -> counter.reserve(vm.accountId(), usage));
    }

    private static ApiException notFound(String what) {
        return new ApiException(ApiError.NOT_FOUND, "Unable to find " + what + " by id");
    }
}
