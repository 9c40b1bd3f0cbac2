package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.Visibility;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;

@ApiCommand(name = "listAccounts", description = "Lists accounts and provides detailed account information for listed "
        + "accounts", entity = "account")
public class ListAccounts extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "account", description = "List account by account ID")
    private Long id;

    @Param(name = "name", description = "List account by account name")
    private String name;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "list only resources belonging "
            + "to the domain specified")
    private Long domainId;

    @Param(name = "state", description = "List accounts by state. Valid states are enabled, disabled, and locked.")
    private String state;

    @Param(name = "isrecursive", type = ParamType.BOOLEAN, description = "defaults to false, but if true, lists all "
            + "resources from the parent specified by the domainId till leaves.")
    private Boolean recursive;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final IdentityService identity;
    private final ViewFactory views;

    public ListAccounts(SettingReader settings, IdentityService identity, ViewFactory views) {
        super(settings);
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        String path = domainId != null ? identity.visibleDomain(ctx, domainId).path() : v.domainPath();
        boolean subtree = domainId == null || Boolean.TRUE.equals(recursive) || Boolean.TRUE.equals(listAll);
        AccountDao.Query q = new AccountDao.Query(path, subtree, v.onlyAccountId(),
                name, keyword(), id, state);
        var rows = identity.accounts().list(q, offset(), limit());
        return new ListResponse<>("account", rows.stream().map(views::account).toList(), identity.accounts().count(q));
    }
}
