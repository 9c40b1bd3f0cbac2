package io.skyport.container.lxc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.plugin.HypervisorDriver.VmStats;

/** Turns two readings of LXD's instance state endpoint into the driver's figures. */
final class InstanceState {
    private InstanceState() {
    }

    /**
     * CPU: the container's CPU time between the readings (nanoseconds, {@code cpu.usage}) over the
     * wall time between them, 100 per fully used CPU. Memory: {@code memory.usage} at the second.
     */
    static VmStats stats(JsonObject first, JsonObject second, long elapsedNanos, long memoryLimit) {
        long cpuDelta = number(second, "cpu", "usage") - number(first, "cpu", "usage");
        double percent = cpuDelta <= 0 || elapsedNanos <= 0 ? 0 : cpuDelta * 100.0 / elapsedNanos;
        return new VmStats(percent, number(second, "memory", "usage"), memoryLimit);
    }

    private static long number(JsonObject state, String group, String key) {
        JsonElement g = state.get(group);
        if (g == null || !g.isJsonObject()) {
            return 0;
        }
        JsonElement v = g.getAsJsonObject().get(key);
        return v == null || v.isJsonNull() ? 0 : v.getAsLong();
    }
}
