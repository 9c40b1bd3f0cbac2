package io.skyport.ec2.action.securitygroup;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.RuleChanges;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;

@ApiCommand(name = "RevokeSecurityGroupEgress", api = "ec2", description = "Removes egress rules from a security group.")
public class RevokeSecurityGroupEgress extends Ec2Action<RevokeSecurityGroupEgressRequest> {
    private final SecurityGroups groups;
    private final RuleChanges changes;

    public RevokeSecurityGroupEgress(SecurityGroups groups, RuleChanges changes) {
        super(RevokeSecurityGroupEgressRequest::builder);
        this.groups = groups;
        this.changes = changes;
    }

    @Override
    protected SdkPojo run(RevokeSecurityGroupEgressRequest request, CallContext ctx) {
        SecurityGroup g = groups.find(ctx, request.groupId(), null);
        changes.revoke(ctx, g, SecurityGroups.EGRESS, RuleChanges.permissions(request.ipPermissions(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.cidrIp(), request.sourceSecurityGroupName()));
        return RevokeSecurityGroupEgressResponse.builder().returnValue(true).build();
    }
}
