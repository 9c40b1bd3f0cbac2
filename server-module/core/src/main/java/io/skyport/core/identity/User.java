package io.skyport.core.identity;

import io.skyport.core.identity.Account.AccountState;
import java.time.Instant;

public record User(long id, String uuid, long accountId, String username, String passwordHash,
                   String firstname, String lastname, String email, String timezone, AccountState state,
                   String apiKey, String secretKeyEncrypted, boolean isDefault, Instant created) {
}
