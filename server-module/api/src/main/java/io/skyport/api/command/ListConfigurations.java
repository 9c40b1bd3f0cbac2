package io.skyport.api.command;

import io.skyport.core.identity.IdentityService;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.Setting;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "listConfigurations", description = "Lists all configurations.", roles = Role.ADMIN,
        entity = "configuration")
public class ListConfigurations extends BaseListCommand implements ApiOperation {
    @Param(name = "name", description = "lists configuration by name")
    private String name;

    @Param(name = "category", description = "lists configurations by category")
    private String category;

    @Param(name = "accountid", type = ParamType.UUID, entity = "account", description = "the ID of the Account to "
            + "update the parameter value for corresponding account")
    private Long accountId;

    private final SettingService settings;
    private final IdentityService identity;

    public ListConfigurations(SettingService settings, IdentityService identity) {
        super(settings);
        this.settings = settings;
        this.identity = identity;
    }

    /** The external id of a scoping account, or null for global values. */
    static String accountUuid(IdentityService identity, Long accountId) {
        return accountId == null ? null : identity.accounts().findById(accountId).map(a -> a.uuid()).orElse(null);
    }

    /**
     * One setting as listConfigurations shows it. CloudStack 4.20 puts the description in
     * {@code displaytext} only, and names a {@code scope} and the scope's {@code id} only for a
     * value read or set for one account; a global value has neither.
     */
    public record ConfigurationView(String name, String value, String defaultvalue, String category, String component,
                                    String displaytext, String group, String subgroup, String type,
                                    boolean isdynamic, String scope, String id) {
        static ConfigurationView of(Setting<?> s, String value, String accountUuid) {
            return new ConfigurationView(s.name(), value, s.defaultValue(), s.category(), "management-server",
                    s.description(), s.category(), "Skyport", s.typeName(), s.dynamic(),
                    accountUuid == null ? null : "account", accountUuid);
        }
    }

    @Override
    public Object execute(CallContext ctx) {
        List<Setting<?>> found = settings.search(name, keyword(), category);
        Setting.Scope scope = accountId == null ? Setting.Scope.GLOBAL : Setting.Scope.ACCOUNT;
        long scopeId = accountId == null ? 0 : accountId;
        List<Setting<?>> scoped = found.stream()
                .filter(s -> scope == Setting.Scope.GLOBAL || s.scope() == scope).toList();
        String scopeUuid = accountUuid(identity, accountId);
        List<ConfigurationView> page = scoped.stream().skip(offset()).limit(limit())
                .map(s -> ConfigurationView.of(s, settings.rawValue(s, scope, scopeId), scopeUuid)).toList();
        return new ListResponse<>("configuration", page, scoped.size());
    }
}
