package io.skyport.api.command.securitygroup;

import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteSecurityGroup", description = "Deletes security group")
public class DeleteSecurityGroup implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "securitygroup", description = "The ID of the security group. "
            + "Mutually exclusive with name parameter")
    private Long id;

    @Param(name = "name", description = "The ID of the security group. Mutually exclusive with id parameter")
    private String name;

    private final SecurityGroupService service;
    private final SecurityGroupDao groups;

    public DeleteSecurityGroup(SecurityGroupService service, SecurityGroupDao groups) {
        this.service = service;
        this.groups = groups;
    }

    @Override
    public Object execute(CallContext ctx) {
        long target;
        if (id != null) {
            target = id;
        } else if (name != null) {
            target = groups.findByName(ctx.accountId(), name).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                    "Unable to find security group by name " + name)).id();
        } else {
            throw new ApiException(ApiError.PARAM_ERROR, "Either id or name must be specified");
        }
        service.delete(ctx, target);
        return SuccessResponse.ok();
    }
}
