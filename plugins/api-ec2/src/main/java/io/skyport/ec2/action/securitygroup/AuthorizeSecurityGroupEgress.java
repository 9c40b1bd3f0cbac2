package io.skyport.ec2.action.securitygroup;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.RuleChanges;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;

@ApiCommand(name = "AuthorizeSecurityGroupEgress", api = "ec2", description = "Adds egress rules to a security group.")
public class AuthorizeSecurityGroupEgress extends Ec2Action<AuthorizeSecurityGroupEgressRequest> {
    private final SecurityGroups groups;
    private final RuleChanges changes;

    public AuthorizeSecurityGroupEgress(SecurityGroups groups, RuleChanges changes) {
        super(AuthorizeSecurityGroupEgressRequest::builder);
        this.groups = groups;
        this.changes = changes;
    }

    @Override
    protected SdkPojo run(AuthorizeSecurityGroupEgressRequest request, CallContext ctx) {
        SecurityGroup g = groups.find(ctx, request.groupId(), null);
        changes.authorize(ctx, g, SecurityGroups.EGRESS, RuleChanges.permissions(request.ipPermissions(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.cidrIp(), request.sourceSecurityGroupName()));
        return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true).build();
    }
}
