package io.skyport.api.command.keypair;

import io.skyport.api.command.AccountTarget;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.CallContext;

/** Key pair commands act for the caller's account, or for account + domainid when an admin names one. */
final class KeyPairOwner {
    private KeyPairOwner() {
    }

    static long resolve(IdentityService identity, CallContext ctx, String account, Long domainId) {
        return account == null ? ctx.accountId() : AccountTarget.resolve(identity, ctx, null, account, domainId).id();
    }
}
