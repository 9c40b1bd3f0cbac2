package io.skyport.api.command.securitygroup;

import io.skyport.api.NativeJobs;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "authorizeSecurityGroupEgress", async = true, entity = "securitygroup",
        description = "Authorizes a particular egress rule for this security group")
public class AuthorizeSecurityGroupEgress extends AuthorizeRule {
    public AuthorizeSecurityGroupEgress(SecurityGroupService service, SecurityGroupDao groups, IdentityService identity,
                                      SecurityGroupViews views, NativeJobs jobs) {
        super(service, groups, identity, views, jobs);
    }

    @Override
    String direction() {
        return "egress";
    }

    @Override
    String command() {
        return "authorizeSecurityGroupEgress";
    }
}
