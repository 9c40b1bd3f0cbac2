package io.skyport.core.identity;

import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;

/**
 * What part of the tenant tree a caller sees: admins everything, domain admins their domain
 * subtree, users their own account. Every tenant-owned query is built from one of these.
 */
public record Visibility(String domainPath, Long onlyAccountId) {
    public static Visibility of(CallContext caller) {
        return switch (caller.role()) {
            case ADMIN -> new Visibility("ROOT", null);
            case DOMAIN_ADMIN -> new Visibility(caller.domainPath(), null);
            case USER -> new Visibility(caller.domainPath(), caller.accountId());
        };
    }

    /** True when the account in domain {@code path} is visible. */
    public boolean sees(long accountId, String path) {
        if (onlyAccountId != null) {
            return onlyAccountId == accountId;
        }
        return path.equals(domainPath) || path.startsWith(domainPath + "/");
    }

    public static boolean canManageAccounts(CallContext caller) {
        return caller.role() != Role.USER;
    }
}
