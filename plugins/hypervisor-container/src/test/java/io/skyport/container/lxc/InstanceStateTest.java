package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.plugin.HypervisorDriver.VmStats;
import org.junit.Test;

public class InstanceStateTest {
    private static JsonObject state(long cpuNanos, long memory) {
        return JsonParser.parseString("{\"status\":\"Running\",\"memory\":{\"usage\":" + memory + ",\"usage_peak\":1},"
                + "\"cpu\":{\"usage\":" + cpuNanos + "},\"processes\":1}").getAsJsonObject();
    }

    @Test
    public void cpuIsTimeUsedOverTimeElapsed() {
        VmStats s = InstanceState.stats(state(1_000_000_000L, 10), state(1_250_000_000L, 270336), 500_000_000L,
                128L << 20);
        assertEquals("0.25 s of CPU in 0.5 s", 50.0, s.cpuPercent(), 1e-9);
        assertEquals(270336, s.memoryUsedBytes());
        assertEquals(128L << 20, s.memoryLimitBytes());
    }

    @Test
    public void aRestartedCounterOrMissingFiguresGiveZero() {
        VmStats s = InstanceState.stats(state(900, 0), state(100, 0), 1000, 0);
        assertEquals(0.0, s.cpuPercent(), 0);
        VmStats empty = InstanceState.stats(new JsonObject(), new JsonObject(), 1000, 0);
        assertEquals(0.0, empty.cpuPercent(), 0);
        assertEquals(0, empty.memoryUsedBytes());
    }
}
