package io.skyport.ec2.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.Ec2Settings;
import java.util.List;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

public class InstanceMetadataOptionsTest {
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final SettingService settings = mock(SettingService.class);
    private final InstanceMetadataOptions options = new InstanceMetadataOptions(jdbc, settings);

    private void stored(String vmUuid, List<String> rows) {
        when(jdbc.queryForList(anyString(), eq(String.class), eq(vmUuid))).thenReturn(rows);
    }

    @Test
    public void anInstanceWithoutItsOwnFollowsTheGlobalSetting() {
        stored("vm-1", List.of());
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("optional");
        assertEquals("optional", options.httpTokens("vm-1"));
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("REQUIRED");
        assertEquals("required", options.httpTokens("vm-1"));
    }

    @Test
    public void anInstancesOwnValueWinsOverTheGlobalSettingBothWays() {
        stored("vm-req", List.of("required"));
        stored("vm-opt", List.of("optional"));
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("optional");
        assertEquals("required", options.httpTokens("vm-req"));
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("required");
        assertEquals("optional", options.httpTokens("vm-opt"));
    }

    @Test
    public void settingInsertsWhenThereIsNoRowYet() {
        when(jdbc.update(anyString(), any(Object[].class))).thenReturn(0);
        options.setHttpTokens("vm-2", "required");
        verify(jdbc).update("INSERT INTO ec2_instance_metadata_options (vm_uuid, http_tokens) VALUES (?, ?)", "vm-2",
                "required");
    }

    @Test
    public void httpTokensAreCheckedAndNormalised() {
        assertNull(InstanceMetadataOptions.checkHttpTokens("HttpTokens", null));
        assertEquals("required", InstanceMetadataOptions.checkHttpTokens("HttpTokens", "Required"));
        assertEquals("optional", InstanceMetadataOptions.checkHttpTokens("HttpTokens", "optional"));
        Ec2Exception e = assertThrows(Ec2Exception.class,
                () -> InstanceMetadataOptions.checkHttpTokens("MetadataOptions.HttpTokens", "sometimes"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, e.error());
        assertEquals("Value (sometimes) for parameter MetadataOptions.HttpTokens is invalid. Valid values: optional, "
                + "required.", e.getMessage());
    }
}
