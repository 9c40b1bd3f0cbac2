package io.skyport.plugin;

/** Account roles, with the numeric account type CloudStack reports. */
public enum Role {
    USER(0, "User", "User"),
    ADMIN(1, "Admin", "Root Admin"),
    DOMAIN_ADMIN(2, "DomainAdmin", "Domain Admin");

    private final int accountType;
    private final String roleType;
    private final String roleName;

    Role(int accountType, String roleType, String roleName) {
        this.accountType = accountType;
        this.roleType = roleType;
        this.roleName = roleName;
    }

    public int accountType() {
        return accountType;
    }

    public String roleType() {
        return roleType;
    }

    public String roleName() {
        return roleName;
    }

    public static Role ofAccountType(int type) {
        for (Role r : values()) {
            if (r.accountType == type) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown account type " + type);
    }
}
