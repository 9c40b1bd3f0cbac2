package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;

import java.util.Optional;
import org.junit.Test;

public class LxdEventsTest {
    private static String event(String action, String source) {
        return "{\"type\":\"lifecycle\",\"timestamp\":\"2026-12-05T18:35:06Z\",\"project\":\"default\","
                + "\"metadata\":{\"action\":\"" + action + "\",\"source\":\"" + source + "\","
                + "\"requestor\":{\"address\":\"@\",\"protocol\":\"unix\",\"username\":\"root\"}}}";
    }

    @Test
    public void endOfRunActionsOfSkyportInstancesNameTheirVm() {
        for (String action : new String[] {"instance-stopped", "instance-shutdown", "instance-deleted"}) {
            assertEquals(action, Optional.of("vm-1"), LxdEvents.vmOf(event(action, "/1.0/instances/skyport-vm-1")));
        }
        assertEquals("a project's instance", Optional.of("vm-2"),
                LxdEvents.vmOf(event("instance-stopped", "/1.0/instances/skyport-vm-2?project=p")));
        String renamed = "{\"type\":\"lifecycle\",\"metadata\":{\"action\":\"instance-renamed\",\"source\":"
                + "\"/1.0/instances/other\",\"context\":{\"old_name\":\"skyport-vm-3\"}}}";
        assertEquals("a renamed instance is gone under its old name", Optional.of("vm-3"), LxdEvents.vmOf(renamed));
    }

    @Test
    public void otherActionsTypesAndInstancesAreIgnored() {
        assertEquals(Optional.empty(), LxdEvents.vmOf(event("instance-started", "/1.0/instances/skyport-vm-1")));
        assertEquals(Optional.empty(), LxdEvents.vmOf(event("instance-stopped", "/1.0/instances/web1")));
        assertEquals(Optional.empty(), LxdEvents.vmOf(event("instance-stopped", "/1.0/instances/skyport-")));
        assertEquals(Optional.empty(), LxdEvents.vmOf(event("storage-volume-deleted",
                "/1.0/storage-pools/default/volumes/custom/skyport-vol-1")));
        assertEquals(Optional.empty(), LxdEvents.vmOf("{\"type\":\"logging\",\"metadata\":{\"action\":"
                + "\"instance-stopped\",\"source\":\"/1.0/instances/skyport-vm-1\"}}"));
        assertEquals(Optional.empty(), LxdEvents.vmOf("not json {"));
        assertEquals(Optional.empty(), LxdEvents.vmOf("[1,2]"));
    }

    @Test
    public void retriesBackOffToAtMostThirtySeconds() {
        assertEquals(1000, LxdEvents.nextRetry(0));
        assertEquals(2000, LxdEvents.nextRetry(1000));
        assertEquals(16_000, LxdEvents.nextRetry(8000));
        assertEquals(30_000, LxdEvents.nextRetry(16_000));
        assertEquals(30_000, LxdEvents.nextRetry(30_000));
    }
}
