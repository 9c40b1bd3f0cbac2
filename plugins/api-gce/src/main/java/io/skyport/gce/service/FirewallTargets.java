package io.skyport.gce.service;

import io.skyport.core.identity.Visibility;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which instances a firewall applies to, as GCE decides it: those whose network tags meet its
 * target tags, or every instance when it has none. Here that is security group membership: the
 * firewalls made through this API (the groups carrying a priority) get exactly the account's
 * VMs they target, kept in step whenever a firewall or an instance's tags change. Groups made
 * by the other APIs keep their explicit members.
 */
public class FirewallTargets {
    private static final Set<VmState> GONE = Set.of(VmState.Destroyed, VmState.Expunging);

    private final SecurityGroupDao groups;
    private final ResourceTagDao tags;
    private final VmDao vms;
    private final InstanceMetadata metadata;

    public FirewallTargets(SecurityGroupDao groups, ResourceTagDao tags, VmDao vms, InstanceMetadata metadata) {
        this.groups = groups;
        this.tags = tags;
        this.vms = vms;
        this.metadata = metadata;
    }

    /** Brings the memberships of the account's GCE firewalls in line with their target tags. */
    public void sync(CallContext ctx, long accountId) {
        Visibility own = new Visibility(ctx.domainPath(), accountId);
        List<SecurityGroup> all = groups.list(own, null, null, null, null, 0, Integer.MAX_VALUE);
        Map<Long, Set<String>> targets = targets(all);
        if (targets.isEmpty()) {
            return;
        }
        List<Vm> live = vms.list(new VmDao.Query(own, null, null, null, null, null, null, null, null), 0,
                Integer.MAX_VALUE).stream().filter(v -> v.accountId() == accountId && !GONE.contains(v.state()))
                .toList();
        Map<String, InstanceMetadata.Stored> stored = metadata.of(live.stream().map(Vm::uuid).toList());
        Map<Long, List<SecurityGroup>> memberships = groups.ofVms(live.stream().map(Vm::id).toList());
        for (Vm vm : live) {
            InstanceMetadata.Stored s = stored.get(vm.uuid());
            Set<String> networkTags = new HashSet<>(s == null ? List.of() : s.networkTags());
            Set<Long> current = new HashSet<>();
            for (SecurityGroup g : memberships.getOrDefault(vm.id(), List.of())) {
                if (targets.containsKey(g.id())) {
                    current.add(g.id());
                }
            }
            for (Map.Entry<Long, Set<String>> fw : targets.entrySet()) {
                boolean applies = fw.getValue().isEmpty() || fw.getValue().stream().anyMatch(networkTags::contains);
                if (applies && !current.contains(fw.getKey())) {
                    groups.addMember(vm.id(), fw.getKey());
                } else if (!applies && current.contains(fw.getKey())) {
                    groups.removeMember(vm.id(), fw.getKey());
                }
            }
        }
    }

    /** The GCE firewalls among the groups, with their target tags (empty: every instance). */
    private Map<Long, Set<String>> targets(List<SecurityGroup> all) {
        Map<Long, Set<String>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (SecurityGroup g : all) {
            ids.add(g.id());
        }
        Map<Long, List<ResourceTag>> byGroup = tags.ofResources("SecurityGroup", ids);
        for (Map.Entry<Long, List<ResourceTag>> e : byGroup.entrySet()) {
            boolean managed = e.getValue().stream().anyMatch(t -> Firewalls.PRIORITY.equals(t.key()));
            if (!managed) {
                continue;
            }
            Set<String> wanted = new HashSet<>();
            for (ResourceTag t : e.getValue()) {
                if (Firewalls.TARGET_TAGS.equals(t.key()) && t.value() != null && !t.value().isEmpty()) {
                    wanted.addAll(List.of(t.value().split(",")));
                }
            }
            out.put(e.getKey(), wanted);
        }
        return out;
    }
}
