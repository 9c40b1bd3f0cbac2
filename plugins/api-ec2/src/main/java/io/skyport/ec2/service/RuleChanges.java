package io.skyport.ec2.service;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupRule;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Authorizing and revoking EC2 permissions on a group, all of a request's permissions or none:
 * every permission is checked before anything changes.
 */
@Component
public class RuleChanges {
    private final SecurityGroups groups;
    private final SecurityGroupService service;
    private final TransactionTemplate tx;

    public RuleChanges(SecurityGroups groups, SecurityGroupService service, TransactionTemplate tx) {
        this.groups = groups;
        this.service = service;
        this.tx = tx;
    }

    /**
     * The permissions of a request: {@code IpPermissions}, or the one permission the older flat
     * parameters (IpProtocol, FromPort, ToPort, CidrIp, SourceSecurityGroupName) describe.
     */
    public static List<IpPermission> permissions(List<IpPermission> given, String protocol, Integer from, Integer to,
                                                 String cidr, String sourceGroupName) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        if (protocol == null && cidr == null && sourceGroupName == null) {
            throw Ec2Exception.missing("IpPermissions");
        }
        IpPermission.Builder b = IpPermission.builder().ipProtocol(protocol == null ? "-1" : protocol).fromPort(from)
                .toPort(to);
        if (cidr != null) {
            b.ipRanges(IpRange.builder().cidrIp(cidr).build());
        }
        if (sourceGroupName != null) {
            b.userIdGroupPairs(UserIdGroupPair.builder().groupName(sourceGroupName).build());
        }
        return List.of(b.build());
    }

    public void authorize(CallContext ctx, SecurityGroup g, String direction, List<IpPermission> permissions) {
        List<SecurityGroupService.CheckedRule> checked = check(ctx, permissions);
        try {
            // authorize refuses a duplicate under the group's lock; one transaction makes it all or nothing
            tx.executeWithoutResult(s -> {
                for (SecurityGroupService.CheckedRule r : checked) {
                    service.authorize(ctx, g.id(), direction, r);
                }
            });
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                throw new Ec2Exception(Ec2Error.INVALID_PERMISSION_DUPLICATE, "the specified rule already exists: "
                        + e.getMessage());
            }
            throw e;
        }
    }

    public void revoke(CallContext ctx, SecurityGroup g, String direction, List<IpPermission> permissions) {
        List<SecurityGroupRule> doomed = new ArrayList<>();
        for (SecurityGroupService.CheckedRule r : check(ctx, permissions)) {
            List<SecurityGroupRule> found = groups.matching(g, direction, r);
            if (found.size() < r.cidrs().size() + r.sourceGroupIds().size()) {
                throw new Ec2Exception(Ec2Error.INVALID_PERMISSION_NOT_FOUND, "The specified rule does not exist in "
                        + "this security group.");
            }
            doomed.addAll(found);
        }
        tx.executeWithoutResult(s -> {
            for (SecurityGroupRule rule : doomed) {
                service.revoke(ctx, rule.id(), direction);
            }
        });
    }

    private List<SecurityGroupService.CheckedRule> check(CallContext ctx, List<IpPermission> permissions) {
        List<SecurityGroupService.CheckedRule> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            out.add(service.check(groups.rule(ctx, p)));
        }
        return out;
    }
}
