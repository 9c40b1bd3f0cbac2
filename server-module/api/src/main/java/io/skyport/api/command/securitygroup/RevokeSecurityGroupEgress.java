package io.skyport.api.command.securitygroup;

import io.skyport.api.NativeJobs;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "revokeSecurityGroupEgress", async = true, description = "Deletes a particular egress rule from this "
        + "security group")
public class RevokeSecurityGroupEgress implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "securitygrouprule", required = true,
            description = "The ID of the egress rule")
    private Long id;

    private final SecurityGroupService service;
    private final SecurityGroupRuleDao rules;
    private final NativeJobs jobs;

    public RevokeSecurityGroupEgress(SecurityGroupService service, SecurityGroupRuleDao rules, NativeJobs jobs) {
        this.service = service;
        this.rules = rules;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        String ruleUuid = rules.find(id).orElseThrow().uuid();
        return jobs.submit(ctx, "revokeSecurityGroupEgress", "SecurityGroupRule", ruleUuid, false, () -> {
            service.revoke(ctx, id, "egress");
            return SuccessResponse.ok();
        });
    }
}
