package io.skyport.ec2.action.securitygroup;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;

@ApiCommand(name = "DeleteSecurityGroup", api = "ec2", description = "Deletes a security group.")
public class DeleteSecurityGroup extends Ec2Action<DeleteSecurityGroupRequest> {
    private final SecurityGroupService service;
    private final SecurityGroups groups;
    private final Ec2Ids ids;

    public DeleteSecurityGroup(SecurityGroupService service, SecurityGroups groups, Ec2Ids ids) {
        super(DeleteSecurityGroupRequest::builder);
        this.service = service;
        this.groups = groups;
        this.ids = ids;
    }

    @Override
    protected SdkPojo run(DeleteSecurityGroupRequest request, CallContext ctx) {
        SecurityGroup g = groups.find(ctx, request.groupId(), request.groupName());
        String groupId = groups.id(g);
        if ("default".equals(g.name())) {
            throw new Ec2Exception(Ec2Error.CANNOT_DELETE, "the specified group: \"" + groupId + "\" name: "
                    + "\"default\" cannot be deleted by a user");
        }
        try {
            service.delete(ctx, g.id());
        } catch (ApiException e) {
            if (e.error() == ApiError.INVALID_STATE) {
                throw new Ec2Exception(Ec2Error.DEPENDENCY_VIOLATION, "resource " + groupId + " has a dependent "
                        + "object");
            }
            throw e;
        }
        ids.forget(Ec2Ids.Kind.SECURITY_GROUP, g.uuid());
        return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(groupId).build();
    }
}
