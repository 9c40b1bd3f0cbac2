package io.skyport.core.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.event.EventService;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.job.JobService;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.PowerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

public class PowerStateSyncTest {
    private final VmDao vms = mock(VmDao.class);
    private final HostDao hosts = mock(HostDao.class);
    private final Placement placement = mock(Placement.class);
    private final VmOperations ops = mock(VmOperations.class);
    private final JobService jobs = mock(JobService.class);
    private final EventService events = mock(EventService.class);
    private final HypervisorDriver driver = mock(HypervisorDriver.class);
    private final Host host = new Host(7, "h-uuid", "h", 1, 1, 1, "Docker", "unix:///s", "Up", "Enabled", 4, 2000,
            1L << 33, 0, 0, Instant.now(), Instant.now());
    private PowerStateSync sync;

    private static Vm vm(long id, VmState state, Long hostId) {
        return new Vm(id, "vm-" + id, "n" + id, "n" + id, 2, 1, 1, hostId, null, 1, 1, "Docker", 1, 500, 64, state,
                null, null, 0, Instant.now(), Instant.now());
    }

    @Before
    public void setUp() {
        sync = new PowerStateSync(vms, hosts, placement, ops, jobs, events);
        when(hosts.hosts(null, null, null, null, null, "Up")).thenReturn(List.of(host));
        when(placement.driverOf(host)).thenReturn(driver);
    }

    @Test
    public void onlyVmsTheHostDoesNotRunAreQueued() {
        when(vms.inStateOnHost(VmState.Running, 7)).thenReturn(List.of(vm(1, VmState.Running, 7L),
                vm(2, VmState.Running, 7L), vm(3, VmState.Running, 7L)));
        when(driver.list(any())).thenReturn(Map.of("vm-1", PowerState.RUNNING, "vm-2", PowerState.STOPPED));
        assertEquals("vm-2 stopped, vm-3 missing", 2, sync.syncAll());
        verify(jobs).submit(any(), anyString(), eq("VirtualMachine"), eq("vm-2"), eq("VirtualMachine:vm-2"), any());
        verify(jobs).submit(any(), anyString(), eq("VirtualMachine"), eq("vm-3"), eq("VirtualMachine:vm-3"), any());
        verify(jobs, never()).submit(any(), anyString(), anyString(), eq("vm-1"), anyString(), any());
    }

    @Test
    public void aHostThatDoesNotAnswerChangesNothing() {
        when(driver.list(any())).thenThrow(new IllegalStateException("connection refused"));
        assertEquals(0, sync.syncAll());
        verify(vms, never()).inStateOnHost(any(), eq(7L));
    }

    @Test
    public void settlingStopsTheVmAndReleasesItsCapacity() {
        Vm running = vm(2, VmState.Running, 7L);
        when(vms.find(2)).thenReturn(Optional.of(running));
        when(ops.observed(running)).thenReturn(Optional.of(PowerState.STOPPED));
        when(vms.transition(2, VmState.Running, VmState.Stopped, null)).thenReturn(true);
        assertTrue(sync.settle(2, 7));
        verify(placement).release(7, running);
    }

    @Test
    public void settlingLeavesAVmThatRunsAgainOrMovedOn() {
        Vm running = vm(2, VmState.Running, 7L);
        when(vms.find(2)).thenReturn(Optional.of(running));
        when(ops.observed(running)).thenReturn(Optional.of(PowerState.RUNNING));
        assertFalse("restarted meanwhile (a reboot)", sync.settle(2, 7));
        when(vms.find(3)).thenReturn(Optional.of(vm(3, VmState.Stopped, null)));
        assertFalse("stopped through Skyport meanwhile", sync.settle(3, 7));
        when(ops.observed(running)).thenReturn(Optional.of(PowerState.UNKNOWN));
        assertFalse("the host cannot tell", sync.settle(2, 7));
        verify(vms, never()).transition(any(Long.class), any(), any(), any());
        verify(placement, times(0)).release(any(Long.class), any());
    }

    @Test
    public void aVanishedInstanceTurnsTheVmToErrorWithAnEvent() {
        Vm running = vm(2, VmState.Running, 7L);
        when(vms.find(2)).thenReturn(Optional.of(running));
        when(ops.observed(running)).thenReturn(Optional.of(PowerState.MISSING));
        when(vms.transition(2, VmState.Running, VmState.Error, null)).thenReturn(true);
        assertTrue(sync.settle(2, 7));
        verify(vms, never()).transition(2, VmState.Running, VmState.Stopped, null);
        verify(placement).release(7, running);
        verify(events).record(any(), eq("VM.ERROR"), eq("ERROR"), anyString(), anyString(), eq("VirtualMachine"),
                eq("vm-2"));
    }

    @Test
    public void aHostThatIsNotUpIsSkipped() {
        Host down = new Host(8, "d-uuid", "d", 1, 1, 1, "Docker", "unix:///d", "Disconnected", "Enabled", 4, 2000,
                1L << 33, 0, 0, Instant.now(), Instant.now());
        assertEquals(0, sync.syncHost(down));
        verify(placement, never()).driverOf(down);
    }

    @Test
    public void orphanedInstancesAreReportedOnceAndNeverRemoved() {
        when(vms.findByUuid("vm-1")).thenReturn(Optional.of(vm(1, VmState.Running, 7L)));
        when(vms.findByUuid("gone")).thenReturn(Optional.empty());
        Map<String, PowerState> seen = Map.of("vm-1", PowerState.RUNNING, "gone", PowerState.STOPPED);
        assertEquals("only the container no VM owns", 1, sync.reportOrphans(host, seen));
        assertEquals("reported once", 0, sync.reportOrphans(host, seen));
        verify(events, times(1)).record(any(), eq("HOST.ORPHAN"), eq("WARN"), anyString(), anyString(), eq("Host"),
                eq("h-uuid"));
        verify(driver, never()).destroy(any(), anyString());
    }

    @Test
    public void aPushedChangeQueuesOnlyARunningVm() {
        when(vms.findByUuid("vm-5")).thenReturn(Optional.of(vm(5, VmState.Running, 7L)));
        when(vms.findByUuid("vm-6")).thenReturn(Optional.of(vm(6, VmState.Stopping, 7L)));
        assertTrue(sync.syncVm("vm-5"));
        assertFalse("a stop through Skyport is under way", sync.syncVm("vm-6"));
        assertFalse("unknown", sync.syncVm("nope"));
        verify(jobs).submit(any(), anyString(), eq("VirtualMachine"), eq("vm-5"), eq("VirtualMachine:vm-5"), any());
        verify(jobs, times(1)).submit(any(), anyString(), anyString(), anyString(), anyString(), any());
    }

    @Test
    public void aContainerRemovedJustAfterItsEndWasSettledTurnsTheStoppedVmToError() {
        Vm running = vm(4, VmState.Running, 7L);
        Vm stopped = new Vm(4, "vm-4", "n4", "n4", 2, 1, 1, null, 7L, 1, 1, "Docker", 1, 500, 64, VmState.Stopped,
                null, null, 0, Instant.now(), Instant.now());
        when(vms.find(4)).thenReturn(Optional.of(running));
        when(ops.observed(running)).thenReturn(Optional.of(PowerState.STOPPED));
        when(vms.transition(4, VmState.Running, VmState.Stopped, null)).thenReturn(true);
        assertTrue("the die event: Stopped", sync.settle(4, 7));
        when(vms.find(4)).thenReturn(Optional.of(stopped));
        when(vms.findByUuid("vm-4")).thenReturn(Optional.of(stopped));
        when(ops.observed(stopped)).thenReturn(Optional.of(PowerState.MISSING));
        when(vms.transition(4, VmState.Stopped, VmState.Error, null)).thenReturn(true);
        assertTrue("the destroy event is queued", sync.syncVm("vm-4"));
        assertTrue("then: Error", sync.settleVanished(4, 7));
        verify(events).record(any(), eq("VM.ERROR"), eq("ERROR"), anyString(), anyString(), eq("VirtualMachine"),
                eq("vm-4"));
        assertFalse("once", sync.settleVanished(4, 7));
    }

    @Test
    public void aVmStoppedThroughSkyportIsNotTurnedToErrorByARemoval() {
        Vm stopped = new Vm(9, "vm-9", "n9", "n9", 2, 1, 1, null, 7L, 1, 1, "Docker", 1, 500, 64, VmState.Stopped,
                null, null, 0, Instant.now(), Instant.now());
        when(vms.findByUuid("vm-9")).thenReturn(Optional.of(stopped));
        when(vms.find(9)).thenReturn(Optional.of(stopped));
        when(ops.observed(stopped)).thenReturn(Optional.of(PowerState.MISSING));
        assertFalse(sync.syncVm("vm-9"));
        assertFalse(sync.settleVanished(9, 7));
        verify(vms, never()).transition(any(Long.class), any(), any(), any());
    }
}
