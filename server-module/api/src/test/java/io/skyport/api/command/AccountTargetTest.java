package io.skyport.api.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;
import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class AccountTargetTest {
    private static final CallContext USER = new CallContext(7, "u", 7, "a", "bob", 1, "/", Role.USER, "127.0.0.1");

    private static String refusal(IdentityService identity, String name) {
        try {
            AccountTarget.resolve(identity, USER, null, name, null);
        } catch (ApiException e) {
            assertEquals(ApiError.NOT_FOUND, e.error());
            return e.getMessage();
        }
        fail("resolved " + name);
        return null;
    }

    @Test
    public void anAccountTheCallerMayNotSeeReadsAsOneThatDoesNotExist() {
        IdentityService identity = mock(IdentityService.class);
        AccountDao accounts = mock(AccountDao.class);
        when(identity.accounts()).thenReturn(accounts);
        Account alice = new Account(9, "x", "alice", 1, Role.USER, Account.AccountState.ENABLED, false, Instant.EPOCH);
        when(accounts.findByName(1, "alice")).thenReturn(Optional.of(alice));
        when(accounts.findByName(1, "nobody")).thenReturn(Optional.empty());
        when(identity.visibleAccount(USER, 9)).thenThrow(new ApiException(ApiError.NOT_FOUND,
                "Unable to find account by id"));
        assertEquals(refusal(identity, "nobody").replace("nobody", "?"), refusal(identity, "alice")
                .replace("alice", "?"));
    }
}
