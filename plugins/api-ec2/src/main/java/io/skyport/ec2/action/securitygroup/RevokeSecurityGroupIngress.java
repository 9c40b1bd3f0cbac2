package io.skyport.ec2.action.securitygroup;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.RuleChanges;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;

@ApiCommand(name = "RevokeSecurityGroupIngress", api = "ec2", description = "Removes ingress rules from a security group.")
public class RevokeSecurityGroupIngress extends Ec2Action<RevokeSecurityGroupIngressRequest> {
    private final SecurityGroups groups;
    private final RuleChanges changes;

    public RevokeSecurityGroupIngress(SecurityGroups groups, RuleChanges changes) {
        super(RevokeSecurityGroupIngressRequest::builder);
        this.groups = groups;
        this.changes = changes;
    }

    @Override
    protected SdkPojo run(RevokeSecurityGroupIngressRequest request, CallContext ctx) {
        SecurityGroup g = groups.find(ctx, request.groupId(), request.groupName());
        changes.revoke(ctx, g, SecurityGroups.INGRESS, RuleChanges.permissions(request.ipPermissions(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.cidrIp(), request.sourceSecurityGroupName()));
        return RevokeSecurityGroupIngressResponse.builder().returnValue(true).build();
    }
}
