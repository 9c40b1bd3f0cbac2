package io.skyport.api.command.securitygroup;

import io.skyport.api.NativeJobs;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "revokeSecurityGroupIngress", async = true, description = "Deletes a particular ingress rule from this "
        + "security group")
public class RevokeSecurityGroupIngress extends RevokeRule {
    public RevokeSecurityGroupIngress(SecurityGroupService service, SecurityGroupRuleDao rules, NativeJobs jobs) {
        super(service, rules, jobs);
    }

    @Override
    String direction() {
        return "ingress";
    }

    @Override
    String command() {
        return "revokeSecurityGroupIngress";
    }
}
