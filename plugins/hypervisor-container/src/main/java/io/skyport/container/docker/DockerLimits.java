package io.skyport.container.docker;

import io.skyport.container.ContainerLayout.Limits;

/**
 * An offering's limits in Docker's terms: the vCPUs are a hard cap (NanoCpus); the total MHz are
 * the container's weight when the host is busy (CpuShares, 1 share per MHz within Docker's range).
 */
public final class DockerLimits {
    private static final int MIN_SHARES = 2;
    private static final int MAX_SHARES = 262_144;

    private DockerLimits() {
    }

    public static long nanoCpus(Limits l) {
        return l.cpus() * 1_000_000_000L;
    }

    public static int cpuShares(Limits l) {
        return (int) Math.min(MAX_SHARES, Math.max(MIN_SHARES, l.cpuMhz()));
    }
}
