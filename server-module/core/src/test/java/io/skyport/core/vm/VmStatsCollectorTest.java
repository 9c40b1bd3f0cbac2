package io.skyport.core.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VmStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class VmStatsCollectorTest {
    private final HostDao hosts = mock(HostDao.class);
    private final VmDao vms = mock(VmDao.class);
    private final ModuleRegistry registry = mock(ModuleRegistry.class);
    private final HypervisorDriver docker = mock(HypervisorDriver.class);
    private final HypervisorDriver simulator = mock(HypervisorDriver.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Host dockerHost = host(7, "Docker");
    private final Host simHost = host(8, "Simulator");
    private VmStatsCollector collector;

    private static Host host(long id, String hypervisor) {
        return new Host(id, "h-" + id, "h" + id, 1, 1, 1, hypervisor, "unix:///s", "Up", "Enabled", 4, 2000, 1L << 33,
                0, 0, Instant.now(), Instant.now());
    }

    private static Vm vm(long id, long hostId) {
        return new Vm(id, "vm-" + id, "n" + id, "n" + id, 2, 1, 1, hostId, null, 1, 1, "Docker", 1, 500, 64,
                VmState.Running, null, null, 0, Instant.now(), Instant.now());
    }

    @Before
    public void setUp() {
        collector = new VmStatsCollector(hosts, vms, registry, mock(SettingService.class), metrics);
        when(hosts.hosts(null, null, null, null, null, "Up")).thenReturn(List.of(dockerHost, simHost));
        when(hosts.countVmsOnHost(7)).thenReturn(2L);
        when(registry.driver("Docker")).thenReturn(Optional.of(docker));
        when(registry.driver("Simulator")).thenReturn(Optional.of(simulator));
        when(docker.reportsStats()).thenReturn(true);
        when(vms.inStateOnHost(VmState.Running, 7)).thenReturn(List.of(vm(1, 7), vm(2, 7)));
    }

    @After
    public void tearDown() {
        collector.close();
    }

    @Test
    public void runningVmsOfMeasuringHostsAreSampledAndExposedAsGauges() {
        when(docker.stats(any(), eq("vm-1"))).thenReturn(new VmStats(12.5, 50L << 20, 128L << 20));
        when(docker.stats(any(), eq("vm-2"))).thenThrow(new IllegalStateException("container stopping"));
        assertEquals("vm-2 could not be measured", 1, collector.sampleAll());
        assertEquals(12.5, collector.latest("vm-1").orElseThrow().cpuPercent(), 0);
        assertFalse(collector.latest("vm-2").isPresent());
        assertEquals(12.5, metrics.get("skyport.vm.cpu.usage").tag("vm", "vm-1").gauge().value(), 0);
        assertEquals(128L << 20, metrics.get("skyport.vm.memory.limit").tag("vm", "vm-1").gauge().value(), 0);
        assertEquals(2, metrics.get("skyport.host.vms").tag("host", "h-7").gauge().value(), 0);
        assertEquals(4, metrics.get("skyport.host.cpus").tag("host", "h-8").gauge().value(), 0);
        verify(simulator, never()).stats(any(), anyString());
        verify(vms, never()).inStateOnHost(VmState.Running, 8);
    }

    @Test
    public void aVmNoLongerRunningLosesItsSampleAndGauges() {
        when(docker.stats(any(), anyString())).thenReturn(new VmStats(1, 1, 2));
        assertEquals(2, collector.sampleAll());
        when(vms.inStateOnHost(VmState.Running, 7)).thenReturn(List.of(vm(1, 7)));
        assertEquals(1, collector.sampleAll());
        assertTrue(collector.latest("vm-1").isPresent());
        assertFalse(collector.latest("vm-2").isPresent());
        assertNull(metrics.find("skyport.vm.cpu.usage").tag("vm", "vm-2").gauge());
        assertEquals(1, metrics.find("skyport.vm.cpu.usage").gauges().size());
    }
}
