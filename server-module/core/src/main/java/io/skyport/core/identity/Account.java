package io.skyport.core.identity;

import io.skyport.plugin.Role;
import java.time.Instant;

public record Account(long id, String uuid, String name, long domainId, Role role, AccountState state,
                      boolean isDefault, Instant created) {
    public enum AccountState {
        ENABLED, DISABLED, LOCKED;

        /** Lower-case wire form, as CloudStack prints account and user states. */
        public String wire() {
            return name().toLowerCase();
        }
    }
}
