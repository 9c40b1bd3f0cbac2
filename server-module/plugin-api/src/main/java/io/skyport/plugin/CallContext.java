package io.skyport.plugin;

/** Who is calling: resolved by the endpoint's authentication before an operation runs. */
public record CallContext(long userId, String userUuid, long accountId, String accountUuid,
                          String accountName, long domainId, String domainPath, Role role,
                          String remoteAddress) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The identity the server uses for its own work (bootstrap, recovery). */
    public static CallContext system() {
        return new CallContext(1, "system", 1, "system", "system", 1, "ROOT", Role.ADMIN, "local");
    }
}
