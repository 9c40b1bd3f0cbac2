package io.skyport.container.docker;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import io.skyport.plugin.HypervisorDriver.VmStats;

/** Turns one sample of the engine's stats endpoint into the driver's figures, as `docker stats` computes them. */
public final class ContainerStats {
    private ContainerStats() {
    }

    public static VmStats of(Statistics s) {
        return new VmStats(cpuPercent(s.getCpuStats(), s.getPreCpuStats()), memoryUsed(s.getMemoryStats()),
                memoryLimit(s.getMemoryStats()));
    }

    /**
     * The container's share of the host's CPU time between the sample and the previous one,
     * scaled to the online CPUs: 100 per fully used CPU.
     */
    static double cpuPercent(CpuStatsConfig now, CpuStatsConfig before) {
        if (now == null || before == null || now.getCpuUsage() == null || before.getCpuUsage() == null) {
            return 0;
        }
        long cpuDelta = nz(now.getCpuUsage().getTotalUsage()) - nz(before.getCpuUsage().getTotalUsage());
        long systemDelta = nz(now.getSystemCpuUsage()) - nz(before.getSystemCpuUsage());
        if (cpuDelta <= 0 || systemDelta <= 0) {
            return 0;
        }
        long cpus = nz(now.getOnlineCpus());
        if (cpus == 0 && now.getCpuUsage().getPercpuUsage() != null) {
            cpus = now.getCpuUsage().getPercpuUsage().size();
        }
        return (double) cpuDelta / systemDelta * Math.max(1, cpus) * 100.0;
    }

    /**
     * Usage less the inactive page cache, as the engine's own client reports it: cgroup v1
     * engines report {@code total_inactive_file}, cgroup v2 ones {@code inactive_file}.
     */
    static long memoryUsed(MemoryStatsConfig m) {
        if (m == null) {
            return 0;
        }
        long used = nz(m.getUsage());
        if (m.getStats() != null) {
            Long v1 = m.getStats().getTotalInactiveFile();
            long inactive = v1 != null ? v1 : nz(m.getStats().getInactiveFile());
            if (inactive < used) {
                used -= inactive;
            }
        }
        return used;
    }

    static long memoryLimit(MemoryStatsConfig m) {
        return m == null ? 0 : nz(m.getLimit());
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
