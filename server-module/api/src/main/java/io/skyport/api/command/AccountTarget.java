package io.skyport.api.command;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;

/** Commands name an account either by id or by name plus domain, as CloudStack allows. */
public final class AccountTarget {
    private AccountTarget() {
    }

    public static Account resolve(IdentityService identity, CallContext ctx, Long id, String name, Long domainId) {
        if (id != null) {
            return identity.visibleAccount(ctx, id);
        }
        if (name == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Either id or account name (with domainid) must be specified");
        }
        long domain = domainId != null ? identity.visibleDomain(ctx, domainId).id() : ctx.domainId();
        ApiException unknown = new ApiException(ApiError.NOT_FOUND, "Unable to find account " + name
                + " in the given domain");
        Account a = identity.accounts().findByName(domain, name).orElseThrow(() -> unknown);
        try {
            return identity.visibleAccount(ctx, a.id());
        } catch (ApiException e) {
            // an account the caller may not see reads as one that does not exist: same error, same text
            if (e.error() == ApiError.NOT_FOUND) {
                throw unknown;
            }
            throw e;
        }
    }
}
