package io.skyport.api.command.securitygroup;

import io.skyport.api.NativeJobs;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "revokeSecurityGroupEgress", async = true, description = "Deletes a particular egress rule from this "
        + "security group")
public class RevokeSecurityGroupEgress extends RevokeRule {
    public RevokeSecurityGroupEgress(SecurityGroupService service, SecurityGroupRuleDao rules, NativeJobs jobs) {
        super(service, rules, jobs);
    }

    @Override
    String direction() {
        return "egress";
    }

    @Override
    String command() {
        return "revokeSecurityGroupEgress";
    }
}
