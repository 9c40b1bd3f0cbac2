package io.skyport.ec2.action.securitygroup;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.RuleChanges;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;

@ApiCommand(name = "AuthorizeSecurityGroupIngress", api = "ec2", description = "Adds ingress rules to a security group.")
public class AuthorizeSecurityGroupIngress extends Ec2Action<AuthorizeSecurityGroupIngressRequest> {
    private final SecurityGroups groups;
    private final RuleChanges changes;

    public AuthorizeSecurityGroupIngress(SecurityGroups groups, RuleChanges changes) {
        super(AuthorizeSecurityGroupIngressRequest::builder);
        this.groups = groups;
        this.changes = changes;
    }

    @Override
    protected SdkPojo run(AuthorizeSecurityGroupIngressRequest request, CallContext ctx) {
        SecurityGroup g = groups.find(ctx, request.groupId(), request.groupName());
        changes.authorize(ctx, g, SecurityGroups.INGRESS, RuleChanges.permissions(request.ipPermissions(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.cidrIp(), request.sourceSecurityGroupName()));
        return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).build();
    }
}
