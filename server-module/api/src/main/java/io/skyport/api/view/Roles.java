package io.skyport.api.view;

import io.skyport.plugin.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Role ids: stable name-based UUIDs, since Skyport's roles are fixed rather than rows. */
public final class Roles {
    private Roles() {
    }

    public static String roleId(Role role) {
        return UUID.nameUUIDFromBytes(("skyport-role:" + role.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
