package io.skyport.core.infra;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.event.EventService;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.PowerStateSync;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.HostCapacity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class HostMonitorTest {
    private final HostDao hosts = mock(HostDao.class);
    private final ModuleRegistry registry = mock(ModuleRegistry.class);
    private final EventService events = mock(EventService.class);
    private final SettingService settings = mock(SettingService.class);
    private final PowerStateSync powerSync = mock(PowerStateSync.class);
    private final HypervisorDriver docker = mock(HypervisorDriver.class);
    private final HypervisorDriver simulator = mock(HypervisorDriver.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<String> statuses = new ArrayList<>();
    private HostMonitor monitor;

    private static Host host(long id, String hypervisor, String status) {
        return new Host(id, "h" + id, "host" + id, 1, 1, 1, hypervisor, "unix:///h" + id, status, "Enabled", 4, 2000,
                1L << 33, 0, 0, Instant.now(), Instant.now());
    }

    @Before
    public void setUp() {
        when(settings.get(CoreSettings.HOST_ALERT_AFTER)).thenReturn(3);
        when(registry.driver("Docker")).thenReturn(Optional.of(docker));
        when(registry.driver("Simulator")).thenReturn(Optional.of(simulator));
        when(docker.monitored()).thenReturn(true);
        when(simulator.monitored()).thenReturn(false);
        monitor = new HostMonitor(hosts, registry, events, settings, powerSync, metrics);
    }

    @After
    public void tearDown() {
        monitor.close();
    }

    @Test
    public void stateMachine() {
        assertEquals("Up", HostMonitor.next(true, 0, 3));
        assertEquals("Disconnected", HostMonitor.next(false, 1, 3));
        assertEquals("Disconnected", HostMonitor.next(false, 2, 3));
        assertEquals("Alert", HostMonitor.next(false, 3, 3));
        assertEquals("Alert", HostMonitor.next(false, 9, 3));
        assertEquals("an alert threshold below 1 means the first failure", "Alert", HostMonitor.next(false, 1, 0));
    }

    /** Runs passes with the host's status following what the monitor wrote, as the database would. */
    private void passes(int n, Host start) {
        Host[] current = {start};
        when(hosts.hosts(null, null, null, null, null, null)).thenAnswer(i -> List.of(current[0]));
        when(hosts.host(start.id())).thenAnswer(i -> Optional.of(current[0]));
        org.mockito.Mockito.doAnswer(i -> {
            String s = i.getArgument(1);
            statuses.add(s);
            Host h = current[0];
            current[0] = new Host(h.id(), h.uuid(), h.name(), 1, 1, 1, h.hypervisor(), h.url(), s, "Enabled", h.cpus(),
                    h.cpuSpeed(), h.memoryBytes(), 0, 0, Instant.now(), Instant.now());
            return null;
        }).when(hosts).setHostStatus(eq(start.id()), anyString());
        org.mockito.Mockito.doAnswer(i -> {
            Host h = current[0];
            current[0] = new Host(h.id(), h.uuid(), h.name(), 1, 1, 1, h.hypervisor(), h.url(), h.status(), "Enabled",
                    i.getArgument(1), i.getArgument(2), i.getArgument(3), 0, 0, Instant.now(), Instant.now());
            return null;
        }).when(hosts).setHostCapacity(eq(start.id()), any(Integer.class), any(Integer.class), any(Long.class));
        for (int k = 0; k < n; k++) {
            monitor.checkAll();
        }
    }

    @Test
    public void aSilentHostGoesDisconnectedThenAlertWithOneEventEach() {
        when(docker.ping(any())).thenThrow(new IllegalStateException("connection refused"));
        passes(5, host(1, "Docker", "Up"));
        assertEquals(List.of("Disconnected", "Alert"), statuses);
        verify(events, times(1)).record(any(), eq("HOST.DISCONNECT"), eq("WARN"), anyString(), anyString(), eq("Host"),
                eq("h1"));
        verify(events, times(1)).record(any(), eq("HOST.ALERT"), eq("ERROR"), anyString(), anyString(), eq("Host"),
                eq("h1"));
        assertEquals(1.0, metrics.get("skyport.hosts").tag("status", "Alert").gauge().value(), 0);
        assertEquals(0.0, metrics.get("skyport.hosts").tag("status", "Up").gauge().value(), 0);
    }

    @Test
    public void aHostThatAnswersAgainIsUpWithItsCapacityRefreshedAndItsVmsReconciled() {
        when(docker.ping(any())).thenReturn(new HostCapacity(8, 2000, 1L << 34));
        passes(2, host(1, "Docker", "Alert"));
        assertEquals(List.of("Up", "Up"), statuses);
        verify(hosts, times(1)).setHostCapacity(1, 8, 2000, 1L << 34);
        verify(events, times(1)).record(any(), eq("HOST.RECONNECT"), anyString(), eq("Host"), eq("h1"));
        verify(powerSync, times(1)).syncHost(any());
        verify(docker, times(2)).watch(any(), any());
        assertEquals(1.0, metrics.get("skyport.hosts").tag("status", "Up").gauge().value(), 0);
    }

    @Test
    public void aHostDeletedWhileItWasCheckedIsNotWatchedAgain() {
        Host h = host(1, "Docker", "Up");
        when(docker.ping(any())).thenReturn(new HostCapacity(4, 2000, 1L << 33));
        when(hosts.hosts(null, null, null, null, null, null)).thenReturn(List.of(h));
        when(hosts.host(1)).thenReturn(Optional.empty());
        monitor.checkAll();
        verify(docker, times(1)).ping(any());
        verify(docker, org.mockito.Mockito.never()).watch(any(), any());
    }

    @Test
    public void failuresInARowAreCountedAfreshOnceTheHostAnswers() {
        when(docker.ping(any())).thenThrow(new IllegalStateException("down"))
                .thenThrow(new IllegalStateException("down")).thenReturn(new HostCapacity(4, 2000, 1L << 33))
                .thenThrow(new IllegalStateException("down again"));
        passes(4, host(1, "Docker", "Up"));
        assertEquals(List.of("Disconnected", "Up", "Disconnected"), statuses);
    }

    @Test
    public void simulatedHostsAreNotPinged() {
        passes(2, host(2, "Simulator", "Down"));
        verify(simulator, never()).ping(any());
        verify(hosts, never()).setHostStatus(any(Long.class), anyString());
        assertEquals(1.0, metrics.get("skyport.hosts").tag("status", "Down").gauge().value(), 0);
    }
}
