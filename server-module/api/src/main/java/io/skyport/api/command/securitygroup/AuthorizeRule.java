package io.skyport.api.command.securitygroup;

import io.skyport.api.NativeJobs;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parameters and work shared by authorizeSecurityGroupIngress and ...Egress. */
abstract class AuthorizeRule implements ApiOperation {
    @Param(name = "securitygroupid", type = ParamType.UUID, entity = "securitygroup", description = "The ID of the "
            + "security group. Mutually exclusive with securityGroupName parameter")
    private Long groupId;

    @Param(name = "securitygroupname", description = "The name of the security group. Mutually exclusive with "
            + "securityGroupId parameter")
    private String groupName;

    @Param(name = "protocol", description = "TCP is default. UDP is the other supported protocol")
    private String protocol;

    @Param(name = "startport", type = ParamType.INTEGER, description = "start port for this ingress rule")
    private Integer startPort;

    @Param(name = "endport", type = ParamType.INTEGER, description = "end port for this ingress rule")
    private Integer endPort;

    @Param(name = "icmptype", type = ParamType.INTEGER, description = "type of the icmp message being sent")
    private Integer icmpType;

    @Param(name = "icmpcode", type = ParamType.INTEGER, description = "error code for this icmp message")
    private Integer icmpCode;

    @Param(name = "cidrlist", type = ParamType.LIST, description = "the cidr list associated. Multiple entries must be "
            + "separated by a single comma character (,).")
    private List<String> cidrs;

    @Param(name = "usersecuritygrouplist", type = ParamType.MAP, description = "user to security group mapping")
    private List<Map<String, String>> userGroups;

    private final SecurityGroupService service;
    private final SecurityGroupDao groups;
    private final IdentityService identity;
    private final SecurityGroupViews views;
    private final NativeJobs jobs;

    AuthorizeRule(SecurityGroupService service, SecurityGroupDao groups, IdentityService identity,
                  SecurityGroupViews views, NativeJobs jobs) {
        this.service = service;
        this.groups = groups;
        this.identity = identity;
        this.views = views;
        this.jobs = jobs;
    }

    /** ingress or egress. */
    abstract String direction();

    abstract String command();

    @Override
    public Object execute(CallContext ctx) {
        SecurityGroup g = target(ctx);
        SecurityGroupService.CheckedRule rule = service.check(new SecurityGroupService.NewRule(
                protocol == null ? "tcp" : protocol, startPort, endPort, icmpType, icmpCode, cidrs, sourceGroups(ctx)));
        service.rejectDuplicates(g.id(), direction(), rule);
        return jobs.submit(ctx, command(), "SecurityGroup", g.uuid(), false,
                () -> new EntityResponse("securitygroup", views.view(service.authorize(ctx, g.id(), direction(),
                        rule))));
    }

    private SecurityGroup target(CallContext ctx) {
        if (groupId != null) {
            return groups.find(groupId).orElseThrow();
        }
        if (groupName == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Either securitygroupid or securitygroupname is required");
        }
        return groups.findByName(ctx.accountId(), groupName).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find security group " + groupName));
    }

    /** usersecuritygrouplist[i].account / .group, resolved within what the caller may see. */
    private List<Long> sourceGroups(CallContext ctx) {
        List<Long> out = new ArrayList<>();
        if (userGroups == null) {
            return out;
        }
        for (Map<String, String> entry : userGroups) {
            String accountName = entry.get("account");
            String group = entry.get("group");
            if (group == null) {
                throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter usersecuritygrouplist: "
                        + "each entry needs a group");
            }
            Account owner = accountName == null ? identity.visibleAccount(ctx, ctx.accountId())
                    : identity.accounts().findByName(ctx.domainId(), accountName)
                    .map(a -> identity.visibleAccount(ctx, a.id()))
                    .orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter "
                            + "usersecuritygrouplist: unable to find account " + accountName));
            out.add(groups.findByName(owner.id(), group).orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR,
                    "Invalid value for parameter usersecuritygrouplist: unable to find security group " + group
                            + " of account " + owner.name())).id());
        }
        return out;
    }
}
