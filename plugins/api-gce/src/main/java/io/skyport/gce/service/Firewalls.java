package io.skyport.gce.service;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.FirewallLogConfig;
import io.skyport.core.identity.Visibility;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupRule;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.tag.TagService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.view.Times;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Firewalls are the core's security groups of the caller's account, named as the firewall. A
 * firewall's {@code allowed} × its ranges are the group's rules of its direction, one core rule
 * per protocol, port range and CIDR. What GCE has and the core's groups have not — target tags
 * and priority — is kept as resource tags of the group ({@value #TARGET_TAGS}, {@value #PRIORITY}):
 * they belong to the group, are deleted with it and stay visible to the native and EC2 APIs,
 * which a private table would hide. The core's {@code default} group is every account's and
 * not a firewall a GCE client made or may change, so it is not shown.
 */
public class Firewalls {
    public static final String KIND = "firewall";
    public static final String TARGET_TAGS = "gce-target-tags";
    public static final String PRIORITY = "gce-priority";
    public static final int DEFAULT_PRIORITY = 1000;
    private static final String INGRESS = "ingress";
    private static final String EGRESS = "egress";
    private static final String ANYWHERE = "0.0.0.0/0";
    private static final Pattern PORTS = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final String SECURITY_GROUP = "SecurityGroup";

    private final SecurityGroupDao groups;
    private final SecurityGroupRuleDao rules;
    private final SecurityGroupService service;
    private final ResourceTagDao tagRows;
    private final TagService tags;
    private final TransactionTemplate tx;
    private final GceIds ids;
    private final FirewallTargets targets;

    public Firewalls(SecurityGroupDao groups, SecurityGroupRuleDao rules, SecurityGroupService service,
                     ResourceTagDao tagRows, TagService tags, TransactionTemplate tx, GceIds ids,
                     FirewallTargets targets) {
        this.groups = groups;
        this.rules = rules;
        this.service = service;
        this.tagRows = tagRows;
        this.tags = tags;
        this.tx = tx;
        this.ids = ids;
        this.targets = targets;
    }

    /** A firewall checked against what the core can hold: the group's rules, tags and description. */
    public record Spec(String direction, List<SecurityGroupService.CheckedRule> rules, List<String> targetTags,
                       Integer priority, String description) {
    }

    public static String path(String name) {
        return "global/firewalls/" + name;
    }

    public static GceException notFound(GceCall call, String name) {
        return GceException.notFound("projects/" + call.project() + "/" + path(name));
    }

    public Optional<SecurityGroup> find(GceCall call, String name) {
        if ("default".equals(name)) {
            return Optional.empty();
        }
        return groups.findByName(call.accountId(), name);
    }

    public SecurityGroup findOrThrow(GceCall call, String name) {
        return find(call, name).orElseThrow(() -> notFound(call, name));
    }

    public List<SecurityGroup> all(GceCall call) {
        return groups.list(new Visibility(call.ctx().domainPath(), call.accountId()), null, null, null, null, 0,
                Integer.MAX_VALUE).stream().filter(g -> !"default".equals(g.name())).toList();
    }

    public static void checkName(String name) {
        ResourceNames.check("resource.name", name);
        if ("default".equals(name)) {
            throw GceException.invalid("resource.name", name, "The name 'default' is reserved for the "
                    + "project's default security group.");
        }
    }

    /** Everything a firewall body says, checked as the core would check it, before any job is queued. */
    public Spec spec(Firewall f) {
        if (f.getDeniedCount() > 0) {
            throw GceException.invalid("resource.denied", f.getDenied(0).getIPProtocol(), "Deny rules are not "
                    + "supported: this cloud's security groups hold allow rules only; traffic no rule allows is "
                    + "denied.");
        }
        if (f.getSourceTagsCount() > 0 || f.getSourceServiceAccountsCount() > 0
                || f.getTargetServiceAccountsCount() > 0) {
            throw GceException.invalid("resource.sourceTags", String.join(",", f.getSourceTagsList()), "Source tags "
                    + "and service accounts are not supported: give sourceRanges.");
        }
        if (f.hasDisabled() && f.getDisabled()) {
            throw GceException.invalid("resource.disabled", "true", "Disabled firewalls are not supported: delete "
                    + "the firewall instead.");
        }
        if (f.hasNetwork() && !isDefaultNetwork(f.getNetwork())) {
            throw GceException.invalid("resource.network", f.getNetwork(), "Only the network 'default' exists.");
        }
        String direction = f.hasDirection() ? f.getDirection() : Firewall.Direction.INGRESS.name();
        boolean ingress = Firewall.Direction.INGRESS.name().equals(direction);
        if (!ingress && !Firewall.Direction.EGRESS.name().equals(direction)) {
            throw GceException.invalid("resource.direction", direction, "Use INGRESS or EGRESS.");
        }
        if (ingress && f.getDestinationRangesCount() > 0) {
            throw GceException.invalid("resource.destinationRanges", f.getDestinationRanges(0), "An INGRESS firewall "
                    + "takes sourceRanges.");
        }
        if (!ingress && f.getSourceRangesCount() > 0) {
            throw GceException.invalid("resource.sourceRanges", f.getSourceRanges(0), "An EGRESS firewall takes "
                    + "destinationRanges.");
        }
        List<String> ranges = ingress ? f.getSourceRangesList() : f.getDestinationRangesList();
        List<String> cidrs = ranges.isEmpty() ? List.of(ANYWHERE) : List.copyOf(new LinkedHashSet<>(ranges));
        if (f.getAllowedCount() == 0) {
            throw GceException.required("resource.allowed");
        }
        Map<List<Object>, SecurityGroupService.CheckedRule> out = new LinkedHashMap<>();
        for (Allowed a : f.getAllowedList()) {
            for (SecurityGroupService.NewRule r : newRules(a, cidrs)) {
                SecurityGroupService.CheckedRule c = service.check(r);
                // the same protocol and ports given twice is one rule, not a conflict within the request
                out.putIfAbsent(java.util.Arrays.asList(c.protocol(), c.startPort(), c.endPort()), c);
            }
        }
        if (f.hasPriority() && (f.getPriority() < 0 || f.getPriority() > 65535)) {
            throw GceException.invalid("resource.priority", f.getPriority(), "Must be between 0 and 65535.");
        }
        String joinedTags = String.join(",", f.getTargetTagsList());
        for (String t : f.getTargetTagsList()) {
            ResourceNames.check("resource.targetTags", t);
        }
        if (joinedTags.length() > 255) {
            throw GceException.invalid("resource.targetTags", joinedTags, "At most 255 characters of target tags "
                    + "in all.");
        }
        if (f.getDescription().length() > 2048) {
            throw GceException.invalid("resource.description", f.getDescription(), "At most 2048 characters.");
        }
        return new Spec(ingress ? INGRESS : EGRESS, List.copyOf(out.values()), f.getTargetTagsList(),
                f.hasPriority() ? f.getPriority() : null, f.getDescription());
    }

    private static boolean isDefaultNetwork(String network) {
        return Catalog.DEFAULT_NETWORK.equals(network) || network.endsWith("global/networks/" + Catalog.DEFAULT_NETWORK);
    }

    /** One allowed entry as core rules: one per port range (tcp and udp without ports: all of them). */
    private static List<SecurityGroupService.NewRule> newRules(Allowed a, List<String> cidrs) {
        if (!a.hasIPProtocol() || a.getIPProtocol().isEmpty()) {
            throw GceException.required("resource.allowed[].IPProtocol");
        }
        String protocol = a.getIPProtocol().toLowerCase(Locale.ROOT);
        boolean ported = "tcp".equals(protocol) || "udp".equals(protocol) || "6".equals(protocol)
                || "17".equals(protocol);
        if (!ported) {
            if (a.getPortsCount() > 0) {
                throw GceException.invalid("resource.allowed[].ports", a.getPorts(0), "Ports are only valid for "
                        + "tcp and udp.");
            }
            return List.of(new SecurityGroupService.NewRule(protocol, null, null, null, null, cidrs, List.of()));
        }
        if (a.getPortsCount() == 0) {
            return List.of(new SecurityGroupService.NewRule(protocol, 1, 65535, null, null, cidrs, List.of()));
        }
        List<SecurityGroupService.NewRule> out = new ArrayList<>();
        for (String p : a.getPortsList()) {
            Matcher m = PORTS.matcher(p.trim());
            if (!m.matches()) {
                throw GceException.invalid("resource.allowed[].ports", p, "Use a port (\"22\") or a range "
                        + "(\"8000-9000\").");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to > 65535 || from > to) {
                throw GceException.invalid("resource.allowed[].ports", p, "Ports are 1..65535, the range's start "
                        + "first.");
            }
            out.add(new SecurityGroupService.NewRule(protocol, from, to, null, null, cidrs, List.of()));
        }
        return out;
    }

    /** Makes the group with its rules and tags, all or nothing (runs in the insert's job). */
    public SecurityGroup create(CallContext ctx, String name, Spec spec, long id) {
        return tx.execute(s -> {
            SecurityGroup g = service.create(ctx, ctx.accountId(), name, spec.description());
            ids.assign(KIND, g.uuid(), id, g.accountId());
            authorize(ctx, g, spec);
            targets.sync(ctx, g.accountId());
            return g;
        });
    }

    /**
     * Replaces the group's rules, tags and description by the spec's, all or nothing (patch and
     * update). Every rule goes, of either direction: the firewall is the whole group.
     */
    public void replace(CallContext ctx, SecurityGroup g, Spec spec) {
        tx.executeWithoutResult(s -> {
            for (SecurityGroupRule r : rules.ofGroup(g.id())) {
                service.revoke(ctx, r.id(), r.direction());
            }
            tagRows.delete(SECURITY_GROUP, g.id(), TARGET_TAGS, null);
            tagRows.delete(SECURITY_GROUP, g.id(), PRIORITY, null);
            groups.updateDescription(g.id(), spec.description());
            authorize(ctx, g, spec);
            targets.sync(ctx, g.accountId());
        });
    }

    private void authorize(CallContext ctx, SecurityGroup g, Spec spec) {
        for (SecurityGroupService.CheckedRule r : spec.rules()) {
            service.authorize(ctx, g.id(), spec.direction(), r);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!spec.targetTags().isEmpty()) {
            pairs.put(TARGET_TAGS, String.join(",", spec.targetTags()));
        }
        // every firewall made here carries its priority: FirewallTargets tells them by it
        pairs.put(PRIORITY, Integer.toString(spec.priority() != null ? spec.priority() : DEFAULT_PRIORITY));
        tags.create(ctx, SECURITY_GROUP, List.of(g.uuid()), pairs);
    }

    /** Deletes the group and its tags (runs in the delete's job). */
    public void delete(CallContext ctx, SecurityGroup g) {
        tx.executeWithoutResult(s -> {
            if (managed(g)) {
                // its members are the instances it targets, not a use of it
                groups.removeAllMembers(g.id());
            }
            service.delete(ctx, g.id());
            tagRows.delete(SECURITY_GROUP, g.id(), null, null);
        });
        ids.forget(KIND, g.uuid());
    }

    /** Why a group cannot be deleted now, if it cannot: checked before the delete is queued. */
    public Optional<String> inUse(SecurityGroup g) {
        if (!managed(g) && groups.memberCount(g.id()) > 0) {
            return Optional.of("The firewall resource '" + g.name() + "' is in use by instances (the security "
                    + "group has members)");
        }
        if (rules.referenced(g.id())) {
            return Optional.of("The firewall resource '" + g.name() + "' is named as a source by rules of other "
                    + "security groups");
        }
        return Optional.empty();
    }

    /** Whether the group is a firewall made through this API: its members follow its target tags. */
    public boolean managed(SecurityGroup g) {
        return tagRows.ofResources(SECURITY_GROUP, List.of(g.id())).getOrDefault(g.id(), List.of()).stream()
                .anyMatch(t -> PRIORITY.equals(t.key()));
    }

    public static GceException inUse(String why) {
        return new GceException(GceError.RESOURCE_IN_USE, why);
    }

    public Firewall view(GceCall call, SecurityGroup g) {
        return views(call, List.of(g)).get(0);
    }

    public List<Firewall> views(GceCall call, List<SecurityGroup> all) {
        Map<Long, List<ResourceTag>> tagsOf = tagRows.ofResources(SECURITY_GROUP, all.stream().map(SecurityGroup::id)
                .toList());
        Map<String, Long> idOf = ids.ids(KIND, all.stream().map(SecurityGroup::uuid).toList(), call.accountId());
        List<Firewall> out = new ArrayList<>();
        for (SecurityGroup g : all) {
            out.add(view(call, g, rules.ofGroup(g.id()), tagsOf.getOrDefault(g.id(), List.of()), idOf.get(g.uuid())));
        }
        return out;
    }

    /**
     * The group as a firewall. A group made elsewhere may hold rules of both directions and
     * rules naming other groups: the firewall shows its ingress rules if it has any, else its
     * egress ones, and only those with a CIDR.
     */
    private static Firewall view(GceCall call, SecurityGroup g, List<SecurityGroupRule> all, List<ResourceTag> tags,
                                 long id) {
        boolean ingress = all.stream().anyMatch(r -> INGRESS.equals(r.direction()))
                || all.stream().noneMatch(r -> EGRESS.equals(r.direction()));
        String direction = ingress ? INGRESS : EGRESS;
        Map<String, Set<String>> portsByProtocol = new LinkedHashMap<>();
        Set<String> everyPort = new LinkedHashSet<>();
        Set<String> cidrs = new LinkedHashSet<>();
        for (SecurityGroupRule r : all) {
            if (!direction.equals(r.direction()) || r.cidr() == null) {
                continue;
            }
            cidrs.add(r.cidr());
            Set<String> ports = portsByProtocol.computeIfAbsent(r.protocol(), p -> new LinkedHashSet<>());
            if (r.startPort() == null || (r.startPort() <= 1 && r.endPort() >= 65535)) {
                everyPort.add(r.protocol());
            } else {
                ports.add(r.startPort().equals(r.endPort()) ? r.startPort().toString()
                        : r.startPort() + "-" + r.endPort());
            }
        }
        Firewall.Builder b = Firewall.newBuilder()
                .setKind("compute#firewall")
                .setId(id)
                .setCreationTimestamp(Times.rfc3339(g.created()))
                .setName(g.name())
                .setDescription(g.description() == null ? "" : g.description())
                .setNetwork(call.globalLink("networks", Catalog.DEFAULT_NETWORK))
                .setPriority(DEFAULT_PRIORITY)
                .setDirection(ingress ? Firewall.Direction.INGRESS.name() : Firewall.Direction.EGRESS.name())
                .setSelfLink(call.globalLink("firewalls", g.name()))
                .setDisabled(false)
                .setLogConfig(FirewallLogConfig.newBuilder().setEnable(false));
        if (ingress) {
            b.addAllSourceRanges(cidrs);
        } else {
            b.addAllDestinationRanges(cidrs);
        }
        portsByProtocol.forEach((protocol, ports) -> b.addAllowed(Allowed.newBuilder().setIPProtocol(protocol)
                .addAllPorts(everyPort.contains(protocol) ? List.of() : ports)));
        for (ResourceTag t : tags) {
            if (TARGET_TAGS.equals(t.key()) && !t.value().isEmpty()) {
                b.addAllTargetTags(List.of(t.value().split(",")));
            } else if (PRIORITY.equals(t.key())) {
                try {
                    b.setPriority(Integer.parseInt(t.value()));
                } catch (NumberFormatException e) {
                    // a tag edited by hand to something else: the default priority stands
                }
            }
        }
        return b.build();
    }
}
