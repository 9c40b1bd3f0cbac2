package io.skyport.api.command.keypair;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.keypair.KeyPairService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createSSHKeyPair", entity = "keypair", description = "Create a new keypair and returns the "
        + "private key")
public class CreateSSHKeyPair implements ApiOperation {
    @Param(name = "name", required = true, description = "Name of the keypair")
    private String name;

    @Param(name = "account", description = "an optional account for the ssh key. Must be used with domainId.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "an optional domainId for the "
            + "ssh key. If the account parameter is used, domainId must also be used.")
    private Long domainId;

    private final KeyPairService keyPairs;
    private final IdentityService identity;
    private final ViewFactory views;

    public CreateSSHKeyPair(KeyPairService keyPairs, IdentityService identity, ViewFactory views) {
        this.keyPairs = keyPairs;
        this.identity = identity;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        long owner = KeyPairOwner.resolve(identity, ctx, account, domainId);
        KeyPairService.Created c = keyPairs.create(ctx, owner, name);
        Account a = views.account(owner);
        return new EntityResponse("keypair", KeyPairView.of(c.keyPair(), a, views.domain(a.domainId()),
                c.privateKey()));
    }
}
