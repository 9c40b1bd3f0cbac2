package io.skyport.api.command.keypair;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Visibility;
import io.skyport.core.keypair.SshKeyPair;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "listSSHKeyPairs", entity = "sshkeypair", description = "List registered keypairs")
public class ListSSHKeyPairs extends BaseListCommand implements ApiOperation {
    @Param(name = "name", description = "A key pair name to look for")
    private String name;

    @Param(name = "fingerprint", description = "A public key fingerprint to look for")
    private String fingerprint;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final SshKeyPairDao keypairs;
    private final ViewFactory views;

    public ListSSHKeyPairs(SettingReader settings, SshKeyPairDao keypairs, ViewFactory views) {
        super(settings);
        this.keypairs = keypairs;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        if (!Boolean.TRUE.equals(listAll)) {
            v = new Visibility(v.domainPath(), ctx.accountId());
        }
        List<SshKeyPair> rows = keypairs.list(v, name, fingerprint, keyword(), offset(), limit());
        List<KeyPairView> out = rows.stream().map(k -> {
            Account a = views.account(k.accountId());
            return KeyPairView.of(k, a, views.domain(a.domainId()), null);
        }).toList();
        return new ListResponse<>("sshkeypair", out, keypairs.count(v, name, fingerprint, keyword()));
    }
}
