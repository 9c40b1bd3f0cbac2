package io.skyport.api.command;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.skyport.core.settings.CoreSettings;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.SettingReader;
import org.junit.Test;

public class BaseListCommandTest {
    private static BaseListCommand list(Integer page, Integer pageSize) {
        SettingReader settings = mock(SettingReader.class);
        when(settings.get(CoreSettings.DEFAULT_PAGE_SIZE)).thenReturn(500);
        BaseListCommand c = new BaseListCommand(settings) {
        };
        c.page = page;
        c.pageSize = pageSize;
        return c;
    }

    @Test
    public void pagesStartAtTheirFirstRow() {
        assertEquals(0, list(null, null).offset());
        assertEquals(40, list(3, 20).offset());
    }

    @Test
    public void aPageBeyondAnIntOfRowsIsPastTheEndNotANegativeOffset() {
        assertEquals(Integer.MAX_VALUE, list(Integer.MAX_VALUE, 500).offset());
        assertEquals(Integer.MAX_VALUE, list(2_000_000_000, 20).offset());
    }

    @Test(expected = ApiException.class)
    public void aPageBelowOneIsRefused() {
        list(0, 20).offset();
    }
}
