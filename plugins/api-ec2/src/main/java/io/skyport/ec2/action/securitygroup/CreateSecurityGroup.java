package io.skyport.ec2.action.securitygroup;

import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.core.tag.TagService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.ec2.service.Tags;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;

@ApiCommand(name = "CreateSecurityGroup", api = "ec2", description = "Creates a security group.")
public class CreateSecurityGroup extends Ec2Action<CreateSecurityGroupRequest> {
    private final SecurityGroupService service;
    private final SecurityGroups groups;
    private final TagService tags;
    private final TransactionTemplate tx;

    public CreateSecurityGroup(SecurityGroupService service, SecurityGroups groups, TagService tags,
                               TransactionTemplate tx) {
        super(CreateSecurityGroupRequest::builder);
        this.service = service;
        this.groups = groups;
        this.tags = tags;
        this.tx = tx;
    }

    @Override
    protected SdkPojo run(CreateSecurityGroupRequest request, CallContext ctx) {
        if (request.groupName() == null) {
            throw Ec2Exception.missing("GroupName");
        }
        if (request.description() == null) {
            throw Ec2Exception.missing("GroupDescription");
        }
        if (request.groupName().toLowerCase(java.util.Locale.ROOT).startsWith("sg-")) {
            throw Ec2Exception.invalid("GroupName", request.groupName(), "Group names may not start with sg-.");
        }
        Map<String, String> pairs = Tags.of(request.tagSpecifications(), "security-group");
        SecurityGroup g;
        try {
            g = tx.execute(s -> {
                SecurityGroup created = service.create(ctx, ctx.accountId(), request.groupName(), request.description());
                // as in EC2, a new group lets all traffic out until that rule is revoked
                service.authorize(ctx, created.id(), SecurityGroups.EGRESS, service.check(new SecurityGroupService.NewRule(
                        "all", null, null, null, null, List.of("0.0.0.0/0"), List.of())));
                if (!pairs.isEmpty()) {
                    tags.create(ctx, "SecurityGroup", List.of(created.uuid()), pairs);
                }
                return created;
            });
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                throw new Ec2Exception(Ec2Error.INVALID_GROUP_DUPLICATE, "The security group '" + request.groupName()
                        + "' already exists for VPC '" + groups.defaultVpcId() + "'");
            }
            if (e.getMessage() != null && e.getMessage().contains("reserved")) {
                throw new Ec2Exception(Ec2Error.INVALID_GROUP_RESERVED, "The security group name 'default' is "
                        + "reserved");
            }
            throw e;
        }
        return CreateSecurityGroupResponse.builder().groupId(groups.id(g)).tags(Tags.list(pairs)).build();
    }
}
