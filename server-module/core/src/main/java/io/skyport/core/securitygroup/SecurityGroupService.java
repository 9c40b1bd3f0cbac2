package io.skyport.core.securitygroup;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.network.Ipv4;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Security groups and their rules: the rules a driver enforces, kept in the database. */
@Component
public class SecurityGroupService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@+-]{0,254}");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "all");
    /** The column's width: a longer description is the caller's mistake, not a database error. */
    static final int MAX_DESCRIPTION = 1024;

    private final SecurityGroupDao groups;
    private final SecurityGroupRuleDao rules;
    private final IdentityService identity;
    private final EventService events;
    private final TransactionTemplate tx;

    public SecurityGroupService(SecurityGroupDao groups, SecurityGroupRuleDao rules, IdentityService identity,
                                EventService events, TransactionTemplate tx) {
        this.groups = groups;
        this.rules = rules;
        this.identity = identity;
        this.events = events;
        this.tx = tx;
    }

    public SecurityGroup create(CallContext caller, long ownerAccountId, String name, String description) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid security group name " + name);
        }
        if ("default".equalsIgnoreCase(name)) {
            throw new ApiException(ApiError.PARAM_ERROR, "The security group name 'default' is reserved");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ApiException(ApiError.PARAM_ERROR, "The security group description has more than "
                    + MAX_DESCRIPTION + " characters");
        }
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        long id;
        try {
            id = groups.insert(UUID.randomUUID().toString(), name, description, owner.id(), owner.domainId());
        } catch (DuplicateKeyException e) {
            throw new ApiException(ApiError.CONFLICT, "Unable to create security group, a group with name " + name
                    + " already exists.");
        }
        SecurityGroup g = groups.find(id).orElseThrow();
        events.record(caller, "SG.CREATE", "Created security group " + name, "SecurityGroup", g.uuid());
        return g;
    }

    public void delete(CallContext caller, long groupId) {
        SecurityGroup g = groups.find(groupId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find security group"));
        if ("default".equals(g.name())) {
            throw new ApiException(ApiError.INVALID_STATE, "The default security group cannot be removed");
        }
        if (groups.memberCount(g.id()) > 0) {
            throw new ApiException(ApiError.INVALID_STATE, "Cannot delete security group " + g.name()
                    + ": it is used by virtual machines");
        }
        if (rules.referenced(g.id())) {
            throw new ApiException(ApiError.INVALID_STATE, "Cannot delete security group " + g.name()
                    + ": rules of other groups name it as their source");
        }
        tx.executeWithoutResult(s -> {
            rules.deleteOfGroup(g.id());
            groups.removeAllMembers(g.id());
            groups.delete(g.id());
        });
        events.record(caller, "SG.DELETE", "Deleted security group " + g.name(), "SecurityGroup", g.uuid());
    }

    /** One rule to add, as the API gives it. */
    public record NewRule(String protocol, Integer startPort, Integer endPort, Integer icmpType, Integer icmpCode,
                          List<String> cidrs, List<Long> sourceGroupIds) {
    }

    /** A rule checked and normalised: what authorize stores, one row per CIDR and per source group. */
    public record CheckedRule(String protocol, Integer startPort, Integer endPort, Integer icmpType, Integer icmpCode,
                              List<String> cidrs, List<Long> sourceGroupIds) {
    }

    /** Validates a rule as the API gives it; called before the job is queued so bad input fails at once. */
    public CheckedRule check(NewRule r) {
        String protocol = protocol(r.protocol());
        Integer start = r.startPort();
        Integer end = r.endPort();
        if ("tcp".equals(protocol) || "udp".equals(protocol)) {
            if (start == null || end == null) {
                throw new ApiException(ApiError.PARAM_ERROR, "startport and endport are required for " + protocol);
            }
            port(start, "startport");
            port(end, "endport");
            if (start > end) {
                throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter startport: " + start
                        + " is greater than endport " + end);
            }
        } else {
            start = null;
            end = null;
        }
        Integer icmpType = "icmp".equals(protocol) ? icmp(r.icmpType(), "icmptype", 255) : null;
        Integer icmpCode = "icmp".equals(protocol) ? icmp(r.icmpCode(), "icmpcode", 255) : null;
        List<String> cidrs = r.cidrs() == null ? List.of() : r.cidrs();
        List<Long> sources = r.sourceGroupIds() == null ? List.of() : r.sourceGroupIds();
        if (cidrs.isEmpty() && sources.isEmpty()) {
            throw new ApiException(ApiError.PARAM_ERROR, "At least one cidrlist or usersecuritygrouplist entry is "
                    + "required");
        }
        List<String> normalised = new ArrayList<>();
        for (String c : cidrs) {
            String cidr;
            try {
                cidr = Ipv4.Cidr.parse(c.trim()).toString();
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter cidrlist: " + c);
            }
            if (normalised.contains(cidr)) {
                throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter cidrlist: " + c
                        + " is given twice");
            }
            normalised.add(cidr);
        }
        if (new HashSet<>(sources).size() != sources.size()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter usersecuritygrouplist: a group "
                    + "is given twice");
        }
        return new CheckedRule(protocol, start, end, icmpType, icmpCode, normalised, sources);
    }

    /**
     * Refuses a rule the group already has (same direction, protocol, ports or ICMP type/code and
     * peer). Called before the job is queued so the caller gets a 431 at once, and again inside the
     * job because another request may have added the same rule in between.
     */
    public void rejectDuplicates(long groupId, String direction, CheckedRule r) {
        for (SecurityGroupRule existing : rules.ofGroup(groupId)) {
            if (!existing.direction().equals(direction) || !existing.protocol().equals(r.protocol())
                    || !Objects.equals(existing.startPort(), r.startPort())
                    || !Objects.equals(existing.endPort(), r.endPort())
                    || !Objects.equals(existing.icmpType(), r.icmpType())
                    || !Objects.equals(existing.icmpCode(), r.icmpCode())) {
                continue;
            }
            if (existing.cidr() != null && r.cidrs().contains(existing.cidr())) {
                throw new ApiException(ApiError.CONFLICT, "The " + direction + " rule " + r.protocol() + " "
                        + describe(r) + " from " + existing.cidr() + " already exists (rule " + existing.uuid() + ")");
            }
            if (existing.sourceGroupId() != null && r.sourceGroupIds().contains(existing.sourceGroupId())) {
                throw new ApiException(ApiError.CONFLICT, "The " + direction + " rule " + r.protocol() + " "
                        + describe(r) + " for that security group already exists (rule " + existing.uuid() + ")");
            }
        }
    }

    private static String describe(CheckedRule r) {
        if (r.startPort() != null) {
            return r.startPort() + "-" + r.endPort();
        }
        return r.icmpType() == null ? "" : "type " + r.icmpType() + " code " + r.icmpCode();
    }

    private static void port(int p, String name) {
        if (p < 1 || p > 65535) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter " + name + ": " + p
                    + " (ports are 1..65535)");
        }
    }

    /** Adds a rule per source (CIDR or group); returns the group. */
    public SecurityGroup authorize(CallContext caller, long groupId, String direction, CheckedRule r) {
        SecurityGroup g = groups.find(groupId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find security group"));
        tx.executeWithoutResult(st -> {
            // the group row lock serialises concurrent authorizations of one group, so the duplicate check holds
            groups.lockForUpdate(g.id());
            rejectDuplicates(g.id(), direction, r);
            for (String cidr : r.cidrs()) {
                rules.insert(UUID.randomUUID().toString(), g.id(), direction, r.protocol(), r.startPort(), r.endPort(),
                        r.icmpType(), r.icmpCode(), cidr, null);
            }
            for (long source : r.sourceGroupIds()) {
                rules.insert(UUID.randomUUID().toString(), g.id(), direction, r.protocol(), r.startPort(), r.endPort(),
                        r.icmpType(), r.icmpCode(), null, source);
            }
        });
        events.record(caller, "ingress".equals(direction) ? "SG.AUTH.INGRESS" : "SG.AUTH.EGRESS",
                "Authorized " + direction + " " + r.protocol() + " rules on " + g.name(), "SecurityGroup", g.uuid());
        return g;
    }

    public SecurityGroup revoke(CallContext caller, long ruleId, String direction) {
        SecurityGroupRule rule = rules.find(ruleId).filter(r -> r.direction().equals(direction))
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find " + direction + " rule"));
        SecurityGroup g = groups.find(rule.groupId()).orElseThrow();
        rules.delete(rule.id());
        events.record(caller, "ingress".equals(direction) ? "SG.REVOKE.INGRESS" : "SG.REVOKE.EGRESS",
                "Revoked " + direction + " rule " + rule.uuid() + " of " + g.name(), "SecurityGroup", g.uuid());
        return g;
    }

    private static String protocol(String raw) {
        if (raw == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to execute API command due to missing parameter "
                    + "protocol");
        }
        String p = raw.trim().toLowerCase(Locale.ROOT);
        if (PROTOCOLS.contains(p)) {
            return p;
        }
        try {
            int n = Integer.parseInt(p);
            if (n >= 0 && n <= 255) {
                return switch (n) {
                    case 6 -> "tcp";
                    case 17 -> "udp";
                    case 1 -> "icmp";
                    default -> Integer.toString(n);
                };
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter protocol: " + raw
                + " (tcp, udp, icmp, all or a protocol number)");
    }

    private static Integer icmp(Integer v, String name, int max) {
        if (v == null) {
            return -1;
        }
        if (v < -1 || v > max) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter " + name + ": " + v);
        }
        return v;
    }
}
