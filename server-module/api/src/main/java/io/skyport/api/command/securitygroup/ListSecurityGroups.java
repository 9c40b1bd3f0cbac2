package io.skyport.api.command.securitygroup;

import io.skyport.api.command.BaseListCommand;
import io.skyport.core.identity.Visibility;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;

@ApiCommand(name = "listSecurityGroups", entity = "securitygroup", description = "Lists security groups")
public class ListSecurityGroups extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "securitygroup", description = "list the security group by the "
            + "id provided")
    private Long id;

    @Param(name = "securitygroupname", description = "lists security groups by name")
    private String name;

    @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm", description = "lists security groups by "
            + "virtual machine id")
    private Long vmId;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final SecurityGroupDao groups;
    private final SecurityGroupViews views;

    public ListSecurityGroups(SettingReader settings, SecurityGroupDao groups, SecurityGroupViews views) {
        super(settings);
        this.groups = groups;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        if (!Boolean.TRUE.equals(listAll) && id == null && vmId == null) {
            v = new Visibility(v.domainPath(), ctx.accountId());
        }
        var rows = groups.list(v, id, name, keyword(), vmId, offset(), limit());
        return new ListResponse<>("securitygroup", rows.stream().map(views::view).toList(),
                groups.count(v, id, name, keyword(), vmId));
    }
}
