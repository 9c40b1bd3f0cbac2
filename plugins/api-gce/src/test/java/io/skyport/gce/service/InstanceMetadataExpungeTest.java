package io.skyport.gce.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.skyport.core.db.DatabaseFactory;
import io.skyport.core.event.EventService;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** An instance's metadata (startup scripts, keys) goes with its expunge, on the migrated schema. */
public class InstanceMetadataExpungeTest {
    private InstanceMetadata metadata;
    private EventService events;

    @Before
    public void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:gce-md-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        DatabaseFactory.migrate(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        events = new EventService(jdbc);
        metadata = new InstanceMetadata(jdbc, events);
    }

    @Test
    public void anExpungedInstancesMetadataGoesWithIt() {
        metadata.save("vm-gone", Map.of("startup-script", "echo secret"), List.of("web"));
        metadata.save("vm-kept", Map.of("startup-script", "echo hello"), List.of("db"));
        events.record(CallContext.system(), "VM.STOP", "stopped", "VirtualMachine", "vm-gone");
        assertTrue("another event keeps it", metadata.of("vm-gone").isPresent());
        events.record(CallContext.system(), EventService.VM_EXPUNGE, "expunged", "VirtualMachine", "vm-gone");
        assertFalse(metadata.of("vm-gone").isPresent());
        assertEquals(List.of("db"), metadata.of("vm-kept").orElseThrow().networkTags());
    }
}
