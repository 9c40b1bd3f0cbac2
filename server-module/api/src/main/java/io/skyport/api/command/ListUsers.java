package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.UserDao;
import io.skyport.core.identity.Visibility;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;

@ApiCommand(name = "listUsers", description = "Lists user accounts", entity = "user")
public class ListUsers extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "user", description = "List user by ID.")
    private Long id;

    @Param(name = "username", description = "List user by the username")
    private String username;

    @Param(name = "account", description = "list resources by account. Must be used with the domainId parameter.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "list only resources belonging "
            + "to the domain specified")
    private Long domainId;

    @Param(name = "state", description = "List users by state of the user account.")
    private String state;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final IdentityService identity;
    private final ViewFactory views;

    public ListUsers(SettingReader settings, IdentityService identity, ViewFactory views) {
        super(settings);
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        String path = domainId != null ? identity.visibleDomain(ctx, domainId).path() : v.domainPath();
        Long onlyAccount = v.onlyAccountId();
        if (account != null) {
            onlyAccount = AccountTarget.resolve(identity, ctx, null, account, domainId).id();
        }
        UserDao.Query q = new UserDao.Query(path, onlyAccount, id, username, keyword(), state);
        var rows = identity.users().list(q, offset(), limit());
        return new ListResponse<>("user", rows.stream().map(views::user).toList(), identity.users().count(q));
    }
}
