package io.skyport.api.command.keypair;

import io.skyport.core.identity.IdentityService;
import io.skyport.core.keypair.KeyPairService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteSSHKeyPair", description = "Deletes a keypair by name")
public class DeleteSSHKeyPair implements ApiOperation {
    @Param(name = "name", required = true, description = "Name of the keypair")
    private String name;

    @Param(name = "account", description = "the account associated with the keypair. Must be used with the domainId "
            + "parameter.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "the domain ID associated with "
            + "the keypair")
    private Long domainId;

    private final KeyPairService keyPairs;
    private final IdentityService identity;

    public DeleteSSHKeyPair(KeyPairService keyPairs, IdentityService identity) {
        this.keyPairs = keyPairs;
        this.identity = identity;
    }

    @Override
    public Object execute(CallContext ctx) {
        keyPairs.delete(ctx, KeyPairOwner.resolve(identity, ctx, account, domainId), name);
        return SuccessResponse.ok();
    }
}
