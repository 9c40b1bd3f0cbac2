package io.skyport.ec2.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.skyport.core.db.DatabaseFactory;
import io.skyport.core.event.EventService;
import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.service.InstanceMetadataOptions.Applied;
import io.skyport.ec2.service.InstanceMetadataOptions.Requested;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-instance metadata options on the migrated schema (H2 in MariaDB mode, as the server runs it). */
public class InstanceMetadataOptionsTest {
    private final SettingService settings = mock(SettingService.class);
    private InstanceMetadataOptions options;
    private EventService events;

    @Before
    public void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:imds-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        DatabaseFactory.migrate(ds);
        events = new EventService(new JdbcTemplate(ds));
        options = new InstanceMetadataOptions(new JdbcTemplate(ds), settings, events);
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("optional");
    }

    @Test
    public void anExpungedInstancesOptionsGoWithIt() {
        options.set("vm-gone", new Requested("required", 3));
        options.set("vm-kept", new Requested("required", 3));
        events.record(CallContext.system(), "VM.DESTROY", "destroyed", "VirtualMachine", "vm-gone");
        assertEquals("a destroy alone keeps them", new Applied("required", 3),
                options.applied(List.of("vm-gone")).get("vm-gone"));
        events.record(CallContext.system(), EventService.VM_EXPUNGE, "expunged", "VirtualMachine", "vm-gone");
        assertEquals(new Applied("optional", 1), options.applied(List.of("vm-gone")).get("vm-gone"));
        assertEquals(new Applied("required", 3), options.applied(List.of("vm-kept")).get("vm-kept"));
    }

    @Test
    public void anInstanceWithoutItsOwnFollowsTheGlobalSetting() {
        assertEquals(new Applied("optional", 1), options.applied(List.of("vm-1")).get("vm-1"));
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("REQUIRED");
        assertEquals("required", options.httpTokens("vm-1"));
    }

    @Test
    public void anInstancesOwnValueWinsOverTheGlobalSettingBothWays() {
        options.set("vm-req", new Requested("required", null));
        options.set("vm-opt", new Requested("optional", null));
        assertEquals("required", options.httpTokens("vm-req"));
        when(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)).thenReturn("required");
        assertEquals("optional", options.httpTokens("vm-opt"));
    }

    @Test
    public void eachChangeKeepsWhatItLeavesOut() {
        options.set("vm-2", new Requested(null, 2));
        assertEquals("a hop limit alone leaves the global HttpTokens in force", new Applied("optional", 2),
                options.applied(List.of("vm-2")).get("vm-2"));
        options.set("vm-2", new Requested("required", null));
        assertEquals(new Applied("required", 2), options.applied(List.of("vm-2")).get("vm-2"));
        options.set("vm-2", new Requested(null, 3));
        options.set("vm-2", new Requested(null, null));
        assertEquals(Map.of("vm-2", new Applied("required", 3), "vm-3", new Applied("optional", 1)),
                options.applied(List.of("vm-2", "vm-3")));
    }

    @Test
    public void hopLimitsAreChecked() {
        assertNull(InstanceMetadataOptions.checkHopLimit("HttpPutResponseHopLimit", null));
        assertEquals(Integer.valueOf(64), InstanceMetadataOptions.checkHopLimit("HttpPutResponseHopLimit", 64));
        for (int bad : new int[] {0, 65, -1}) {
            Ec2Exception e = assertThrows(Ec2Exception.class,
                    () -> InstanceMetadataOptions.checkHopLimit("MetadataOptions.HttpPutResponseHopLimit", bad));
            assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, e.error());
        }
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
