package io.skyport.api.command;

import io.skyport.api.command.ListConfigurations.ConfigurationView;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.Setting;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "updateConfiguration", description = "Updates a configuration.", roles = Role.ADMIN,
        entity = "configuration")
public class UpdateConfiguration implements ApiOperation {
    @Param(name = "name", required = true, description = "the name of the configuration")
    private String name;

    @Param(name = "value", length = 4095, description = "the value of the configuration")
    private String value;

    @Param(name = "accountid", type = ParamType.UUID, entity = "account", description = "the ID of the Account to "
            + "update the parameter value for corresponding account")
    private Long accountId;

    private final SettingService settings;
    private final IdentityService identity;

    public UpdateConfiguration(SettingService settings, IdentityService identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    public Object execute(CallContext ctx) {
        Setting.Scope scope = accountId == null ? Setting.Scope.GLOBAL : Setting.Scope.ACCOUNT;
        long scopeId = accountId == null ? 0 : accountId;
        Setting<?> s = settings.update(ctx, name, value, scope, scopeId);
        return new EntityResponse("configuration", ConfigurationView.of(s, settings.rawValue(s, scope, scopeId),
                ListConfigurations.accountUuid(identity, accountId)));
    }
}
