package io.skyport.core.volume;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.infra.Host;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import io.skyport.plugin.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The host side of attach, detach and delete: which driver is called, when, and what a failure leaves. */
public class VolumeServiceTest {
    private static final long GIB = 1L << 30;
    private static final CallContext ADMIN = new CallContext(1, "u", 1, "a", "admin", 1, "ROOT", Role.ADMIN,
            "127.0.0.1");
    private VolumeDao volumes;
    private VmDao vms;
    private EventService events;
    private VolumeHosts hosts;
    private HypervisorDriver driver;
    private VolumeService service;
    /** Whether the last transaction callback ended in an exception: a real transaction rolls back then. */
    private boolean rolledBack;

    @Before
    public void setUp() {
        volumes = mock(VolumeDao.class);
        vms = mock(VmDao.class);
        events = mock(EventService.class);
        hosts = mock(VolumeHosts.class);
        driver = mock(HypervisorDriver.class);
        when(driver.hypervisorType()).thenReturn("Docker");
        when(driver.hostLocalVolumes()).thenReturn(true);
        TransactionTemplate tx = mock(TransactionTemplate.class);
        doAnswer(inv -> {
            Consumer<TransactionStatus> work = inv.getArgument(0);
            try {
                work.accept(mock(TransactionStatus.class));
            } catch (RuntimeException e) {
                rolledBack = true;
                throw e;
            }
            return null;
        }).when(tx).executeWithoutResult(any());
        service = new VolumeService(volumes, mock(DiskOfferingDao.class), vms, mock(IdentityService.class),
                mock(ResourceCounter.class), events, tx, mock(ResourceTagDao.class), hosts);
        when(volumes.attach(anyLong(), anyLong(), anyInt())).thenReturn(true);
        when(volumes.detach(anyLong())).thenReturn(true);
        when(volumes.removeDetached(anyLong())).thenReturn(true);
    }

    private static Volume volume(Long vmId, Integer device, Long hostId) {
        return new Volume(5, "vol-uuid", "data", 2, 1, 1, vmId, device, 1L, "DATADISK", 5 * GIB, "Ready",
                Instant.now(), hostId);
    }

    private static Vm vm(VmState state, Long hostId, Long lastHostId) {
        return new Vm(9, "vm-uuid", "web", "web", 2, 1, 1, hostId, lastHostId, 1, 1, "Docker", 1, 500, 64, state, null,
                null, 0, Instant.now(), Instant.now());
    }

    private static Host host(long id) {
        return new Host(id, "h" + id, "host" + id, 1, 1, 1, "Docker", "unix:///var/run/docker.sock", "Up", "Enabled",
                4, 2000, 1L << 33, 0, 0, Instant.now(), Instant.now());
    }

    private VolumeHosts.Target target(long hostId) {
        return new VolumeHosts.Target(host(hostId), driver);
    }

    private void given(Volume v, Vm vm) {
        when(volumes.find(v.id())).thenReturn(Optional.of(v));
        when(vms.find(vm.id())).thenReturn(Optional.of(vm));
    }

    @Test
    public void attachToARunningVmWhoseHostCannotChangeMountsIsRefusedBeforeAnyChange() {
        Vm vm = vm(VmState.Running, 7L, null);
        given(volume(null, null, null), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        when(driver.attachesVolumesWhileRunning()).thenReturn(false);
        ApiException e = assertThrows(ApiException.class, () -> service.attach(ADMIN, 5, 9, null));
        assertEquals(ApiError.INVALID_STATE, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("Docker host host7 cannot change the mounts of a running "
                + "container; stop the VM first"));
        verify(volumes, never()).attach(anyLong(), anyLong(), anyInt());
        verify(driver, never()).attachVolume(any(), anyString(), any());
    }

    @Test
    public void attachToAStoppedVmMountsOnItsLastHostAndRecordsWhereTheDataIs() {
        Vm vm = vm(VmState.Stopped, null, 7L);
        given(volume(null, null, null), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        when(volumes.ofVm(9)).thenReturn(List.of(new Volume(4, "root", "ROOT-9", 2, 1, 1, 9L, 0, null, "ROOT", GIB,
                "Ready", Instant.now(), null)));
        service.attach(ADMIN, 5, 9, null);
        verify(volumes).attach(5, 9, 1);
        verify(driver).attachVolume(host(7).ref(), "vm-uuid", new VolumeRef("vol-uuid", "data", 1, 5 * GIB));
        verify(volumes).placeOnHost(5, 7);
        verify(events).record(any(), anyString(), anyString(), anyString(), anyString());
    }

    @Test
    public void aHostThatKeepsNoVolumeDataIsNotRecorded() {
        Vm vm = vm(VmState.Running, 7L, null);
        given(volume(null, null, null), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        when(driver.hostLocalVolumes()).thenReturn(false);
        when(driver.attachesVolumesWhileRunning()).thenReturn(true);
        service.attach(ADMIN, 5, 9, 3);
        verify(driver).attachVolume(host(7).ref(), "vm-uuid", new VolumeRef("vol-uuid", "data", 3, 5 * GIB));
        verify(volumes, never()).placeOnHost(anyLong(), anyLong());
    }

    @Test
    public void aDriverFailureOnAttachFailsTheTransactionAndRecordsNothing() {
        Vm vm = vm(VmState.Stopped, null, 7L);
        given(volume(null, null, null), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        doThrow(new IllegalStateException("engine said no")).when(driver).attachVolume(any(), anyString(), any());
        ApiException e = assertThrows(ApiException.class, () -> service.attach(ADMIN, 5, 9, null));
        assertEquals(ApiError.INTERNAL, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("on host host7: engine said no"));
        assertTrue("the row change is rolled back", rolledBack);
        verify(volumes, never()).placeOnHost(anyLong(), anyLong());
        verifyNoInteractions(events);
    }

    @Test
    public void aVolumeWhoseDataIsOnAnotherHostIsNotAttached() {
        Vm vm = vm(VmState.Stopped, null, 7L);
        given(volume(null, null, 8L), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        when(hosts.host(8)).thenReturn(Optional.of(target(8)));
        ApiException e = assertThrows(ApiException.class, () -> service.attach(ADMIN, 5, 9, null));
        assertEquals(ApiError.INVALID_STATE, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("keeps its data on host host8"));
        verify(volumes, never()).attach(anyLong(), anyLong(), anyInt());
    }

    @Test
    public void aVmThatNeverRanGetsTheVolumeInTheDatabaseOnly() {
        Vm vm = vm(VmState.Stopped, null, null);
        given(volume(null, null, 8L), vm);
        when(hosts.of(vm)).thenReturn(Optional.empty());
        when(hosts.pinnedHost(9)).thenReturn(Optional.empty());
        service.attach(ADMIN, 5, 9, null);
        verify(volumes).attach(5, 9, 1);
        verifyNoInteractions(driver);
    }

    @Test
    public void detachUnmountsOnTheVmsHostAndADriverFailureRollsBack() {
        Vm vm = vm(VmState.Stopped, null, 7L);
        given(volume(9L, 2, 7L), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        service.detach(ADMIN, 5);
        verify(volumes).detach(5);
        verify(driver).detachVolume(host(7).ref(), "vm-uuid", new VolumeRef("vol-uuid", "data", 2, 5 * GIB));

        doThrow(new IllegalStateException("busy")).when(driver).detachVolume(any(), anyString(), any());
        ApiException e = assertThrows(ApiException.class, () -> service.detach(ADMIN, 5));
        assertEquals(ApiError.INTERNAL, e.error());
        assertTrue(rolledBack);
    }

    @Test
    public void detachFromARunningDockerVmIsRefused() {
        Vm vm = vm(VmState.Running, 7L, null);
        given(volume(9L, 1, 7L), vm);
        when(hosts.of(vm)).thenReturn(Optional.of(target(7)));
        when(driver.attachesVolumesWhileRunning()).thenReturn(false);
        ApiException e = assertThrows(ApiException.class, () -> service.detach(ADMIN, 5));
        assertEquals(ApiError.INVALID_STATE, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("Unable to detach a volume while VM web is Running"));
        verify(volumes, never()).detach(anyLong());
    }

    @Test
    public void deleteRemovesTheStorageOnTheHostHoldingTheData() {
        Volume v = volume(null, null, 7L);
        when(volumes.find(5)).thenReturn(Optional.of(v));
        when(hosts.host(7)).thenReturn(Optional.of(target(7)));
        service.delete(ADMIN, 5);
        verify(volumes).removeDetached(5);
        verify(driver).deleteVolume(host(7).ref(), new VolumeRef("vol-uuid", "data", 0, 5 * GIB));
    }

    @Test
    public void aDeleteTheHostFailsKeepsTheVolume() {
        when(volumes.find(5)).thenReturn(Optional.of(volume(null, null, 7L)));
        when(hosts.host(7)).thenReturn(Optional.of(target(7)));
        doThrow(new IllegalStateException("still mounted")).when(driver).deleteVolume(any(), any());
        ApiException e = assertThrows(ApiException.class, () -> service.delete(ADMIN, 5));
        assertEquals(ApiError.INTERNAL, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("still mounted"));
        assertTrue("the removal is rolled back", rolledBack);
        verifyNoInteractions(events);
    }

    @Test
    public void aVolumeNoHostHoldsIsDeletedInTheDatabaseOnly() {
        when(volumes.find(5)).thenReturn(Optional.of(volume(null, null, null)));
        service.delete(ADMIN, 5);
        verify(volumes).removeDetached(5);
        verify(hosts, never()).host(anyLong());
    }
}
