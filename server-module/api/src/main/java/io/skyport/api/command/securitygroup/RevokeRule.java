package io.skyport.api.command.securitygroup;

import io.skyport.api.NativeJobs;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

/** The parameter and job shared by revokeSecurityGroupIngress and ...Egress. */
abstract class RevokeRule implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "securitygrouprule", required = true,
            description = "The ID of the rule")
    private Long id;

    private final SecurityGroupService service;
    private final SecurityGroupRuleDao rules;
    private final NativeJobs jobs;

    RevokeRule(SecurityGroupService service, SecurityGroupRuleDao rules, NativeJobs jobs) {
        this.service = service;
        this.rules = rules;
        this.jobs = jobs;
    }

    /** ingress or egress. */
    abstract String direction();

    abstract String command();

    @Override
    public Object execute(CallContext ctx) {
        String ruleUuid = rules.find(id).orElseThrow().uuid();
        return jobs.submit(ctx, command(), "SecurityGroupRule", ruleUuid, false, () -> {
            service.revoke(ctx, id, direction());
            return SuccessResponse.ok();
        });
    }
}
