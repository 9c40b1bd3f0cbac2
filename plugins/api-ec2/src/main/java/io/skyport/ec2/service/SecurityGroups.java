package io.skyport.ec2.service;

import io.skyport.core.network.NetworkDao;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupRule;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Security groups between EC2 and the core: finding a group by id or name, rules as EC2
 * {@code IpPermission}s (one per protocol and port range, its CIDRs and peer groups together),
 * and EC2 permissions as the core's rules.
 */
@Component
public class SecurityGroups {
    public static final String INGRESS = "ingress";
    public static final String EGRESS = "egress";

    private final Ec2Ids ids;
    private final SecurityGroupDao groups;
    private final SecurityGroupRuleDao rules;
    private final NetworkDao networks;

    public SecurityGroups(Ec2Ids ids, SecurityGroupDao groups, SecurityGroupRuleDao rules, NetworkDao networks) {
        this.ids = ids;
        this.groups = groups;
        this.rules = rules;
        this.networks = networks;
    }

    public String id(SecurityGroup g) {
        return ids.of(Kind.SECURITY_GROUP, g.uuid(), g.accountId());
    }

    /** The caller's group named by id (preferred) or by name. */
    public SecurityGroup find(CallContext ctx, String groupId, String groupName) {
        if (groupId != null) {
            String uuid = ids.resolve(Kind.SECURITY_GROUP, groupId, ctx, "GroupId");
            return groups.findByUuid(uuid).filter(g -> g.accountId() == ctx.accountId())
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_GROUP_NOT_FOUND,
                            Ec2Ids.notFoundMessage(Kind.SECURITY_GROUP, groupId)));
        }
        if (groupName != null) {
            return groups.findByName(ctx.accountId(), groupName).orElseThrow(() -> new Ec2Exception(
                    Ec2Error.INVALID_GROUP_NOT_FOUND, "The security group '" + groupName
                    + "' does not exist in default VPC"));
        }
        throw Ec2Exception.missing("GroupId");
    }

    /** The id of the VPC every group belongs to: the default network of the first zone. */
    public String defaultVpcId() {
        return networks.list(null, null, null, null).stream().filter(n -> n.isDefault()).findFirst()
                .map(n -> ids.of(Kind.VPC, n.uuid(), 1)).orElse(null);
    }

    /** The group's rules of one direction as EC2 permissions. */
    public List<IpPermission> permissions(SecurityGroup g, String direction) {
        Map<List<Object>, IpPermission.Builder> byRange = new LinkedHashMap<>();
        Map<List<Object>, List<IpRange>> cidrs = new LinkedHashMap<>();
        Map<List<Object>, List<UserIdGroupPair>> peers = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules.ofGroup(g.id())) {
            if (!direction.equals(r.direction())) {
                continue;
            }
            List<Object> key = java.util.Arrays.asList(r.protocol(), r.startPort(), r.endPort(), r.icmpType(),
                    r.icmpCode());
            byRange.computeIfAbsent(key, k -> base(r));
            if (r.cidr() != null) {
                cidrs.computeIfAbsent(key, k -> new ArrayList<>()).add(IpRange.builder().cidrIp(r.cidr()).build());
            }
            if (r.sourceGroupId() != null) {
                groups.find(r.sourceGroupId()).ifPresent(peer -> peers.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(UserIdGroupPair.builder().groupId(id(peer)).groupName(peer.name())
                                .userId(InstanceViews.ownerId(peer.accountId())).build()));
            }
        }
        List<IpPermission> out = new ArrayList<>();
        byRange.forEach((key, b) -> out.add(b.ipRanges(cidrs.getOrDefault(key, List.of()))
                .userIdGroupPairs(peers.getOrDefault(key, List.of())).ipv6Ranges(List.of()).prefixListIds(List.of())
                .build()));
        return out;
    }

    private static IpPermission.Builder base(SecurityGroupRule r) {
        IpPermission.Builder b = IpPermission.builder();
        switch (r.protocol()) {
            case "all" -> b.ipProtocol("-1");
            case "icmp" -> b.ipProtocol("icmp").fromPort(r.icmpType()).toPort(r.icmpCode());
            case "tcp", "udp" -> b.ipProtocol(r.protocol()).fromPort(r.startPort()).toPort(r.endPort());
            default -> b.ipProtocol(r.protocol());
        }
        return b;
    }

    /** An EC2 permission as a core rule to authorize (peer groups resolved to the caller's groups). */
    public SecurityGroupService.NewRule rule(CallContext ctx, IpPermission p) {
        if (p.ipProtocol() == null) {
            throw Ec2Exception.missing("IpPermissions.N.IpProtocol");
        }
        if (p.hasIpv6Ranges() && !p.ipv6Ranges().isEmpty() || p.hasPrefixListIds() && !p.prefixListIds().isEmpty()) {
            throw Ec2Exception.invalid("IpPermissions", "Ipv6Ranges/PrefixListIds", "Only IPv4 CIDR ranges and "
                    + "security groups can be given here.");
        }
        String protocol = "-1".equals(p.ipProtocol()) ? "all" : p.ipProtocol();
        List<String> cidrs = p.ipRanges().stream().map(IpRange::cidrIp).toList();
        List<Long> peers = new ArrayList<>();
        for (UserIdGroupPair pair : p.userIdGroupPairs()) {
            peers.add(find(ctx, pair.groupId(), pair.groupName()).id());
        }
        boolean icmp = "icmp".equalsIgnoreCase(protocol) || "1".equals(protocol);
        Integer from = p.fromPort();
        Integer to = p.toPort();
        if (!icmp && from != null && from == 0) {
            from = 1; // "0-65535" in EC2 is every port; the core counts ports from 1
        }
        return icmp ? new SecurityGroupService.NewRule(protocol, null, null, from, to, cidrs, peers)
                : new SecurityGroupService.NewRule(protocol, from, to, null, null, cidrs, peers);
    }

    /** The core rules of the group that one checked EC2 permission names. */
    public List<SecurityGroupRule> matching(SecurityGroup g, String direction, SecurityGroupService.CheckedRule r) {
        List<SecurityGroupRule> out = new ArrayList<>();
        for (SecurityGroupRule existing : rules.ofGroup(g.id())) {
            boolean same = existing.direction().equals(direction) && existing.protocol().equals(r.protocol())
                    && Objects.equals(existing.startPort(), r.startPort())
                    && Objects.equals(existing.endPort(), r.endPort())
                    && Objects.equals(existing.icmpType(), r.icmpType())
                    && Objects.equals(existing.icmpCode(), r.icmpCode());
            if (same && ((existing.cidr() != null && r.cidrs().contains(existing.cidr()))
                    || (existing.sourceGroupId() != null && r.sourceGroupIds().contains(existing.sourceGroupId())))) {
                out.add(existing);
            }
        }
        return out;
    }
}
