package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;

import io.skyport.container.ContainerLayout;
import io.skyport.container.ContainerLayoutTest;
import org.junit.Test;

public class DockerLimitsTest {
    private static ContainerLayout.Limits limits(int cpus, int mhz) {
        return ContainerLayout.limits(ContainerLayoutTest.vm(cpus, mhz, 64, "x"));
    }

    @Test
    public void vcpusAreNanoCpusAndMhzAreShares() {
        assertEquals(2_000_000_000L, DockerLimits.nanoCpus(limits(2, 1000)));
        assertEquals(2000, DockerLimits.cpuShares(limits(2, 1000)));
    }

    @Test
    public void sharesStayInDockersRange() {
        assertEquals(262_144, DockerLimits.cpuShares(limits(64, 9000)));
        assertEquals(2, DockerLimits.cpuShares(limits(1, 1)));
    }
}
