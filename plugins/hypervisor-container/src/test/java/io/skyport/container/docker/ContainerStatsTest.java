package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.CpuUsageConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatsConfig;
import org.junit.Test;

public class ContainerStatsTest {
    private static CpuStatsConfig cpu(long total, long system, long online) {
        CpuStatsConfig c = mock(CpuStatsConfig.class);
        CpuUsageConfig u = mock(CpuUsageConfig.class);
        when(u.getTotalUsage()).thenReturn(total);
        when(c.getCpuUsage()).thenReturn(u);
        when(c.getSystemCpuUsage()).thenReturn(system);
        when(c.getOnlineCpus()).thenReturn(online);
        return c;
    }

    @Test
    public void cpuPercentIsTheShareOfSystemTimeScaledToOnlineCpus() {
        // half of all CPU time of a 4-CPU host between the two readings: two CPUs busy
        assertEquals(200.0, ContainerStats.cpuPercent(cpu(1_500, 20_000, 4), cpu(500, 18_000, 4)), 1e-9);
    }

    @Test
    public void noPreviousReadingMeansNoCpuFigure() {
        assertEquals(0.0, ContainerStats.cpuPercent(cpu(1_500, 20_000, 4), null), 0);
        assertEquals(0.0, ContainerStats.cpuPercent(cpu(1_500, 20_000, 4), cpu(1_500, 20_000, 4)), 0);
    }

    @Test
    public void memoryUsedLeavesOutThePageCache() {
        MemoryStatsConfig m = mock(MemoryStatsConfig.class);
        StatsConfig s = mock(StatsConfig.class);
        when(m.getUsage()).thenReturn(10_000L);
        when(m.getLimit()).thenReturn(64L << 20);
        when(m.getStats()).thenReturn(s);
        when(s.getTotalInactiveFile()).thenReturn(null);
        when(s.getInactiveFile()).thenReturn(4_000L);
        assertEquals("cgroup v2", 6_000L, ContainerStats.memoryUsed(m));
        when(s.getTotalInactiveFile()).thenReturn(1_000L);
        assertEquals("cgroup v1", 9_000L, ContainerStats.memoryUsed(m));
        when(s.getTotalInactiveFile()).thenReturn(20_000L);
        assertEquals("a cache figure above the usage is ignored", 10_000L, ContainerStats.memoryUsed(m));
        assertEquals(64L << 20, ContainerStats.memoryLimit(m));
    }
}
