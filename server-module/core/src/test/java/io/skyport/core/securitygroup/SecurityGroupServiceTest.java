package io.skyport.core.securitygroup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;
import org.junit.Test;
import org.springframework.transaction.support.TransactionTemplate;

public class SecurityGroupServiceTest {
    @Test
    public void aDescriptionLongerThanTheColumnIsAParameterErrorAndStoresNothing() {
        SecurityGroupDao groups = mock(SecurityGroupDao.class);
        SecurityGroupService service = new SecurityGroupService(groups, mock(SecurityGroupRuleDao.class),
                mock(IdentityService.class), mock(EventService.class), mock(TransactionTemplate.class));
        CallContext caller = new CallContext(1, "u", 1, "a", "alice", 1, "/", Role.USER, "127.0.0.1");
        try {
            service.create(caller, 1, "web", "d".repeat(SecurityGroupService.MAX_DESCRIPTION + 1));
            fail("created");
        } catch (ApiException e) {
            assertEquals(ApiError.PARAM_ERROR, e.error());
        }
        verify(groups, never()).insert(anyString(), anyString(), any(), anyLong(), anyLong());
    }
}
