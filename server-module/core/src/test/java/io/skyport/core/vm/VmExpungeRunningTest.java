package io.skyport.core.vm;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.AddressAllocator;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.volume.VolumeHosts;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.Test;
import org.mockito.InOrder;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroy with expunge of a running VM: one driver call removes the instance, between a commit that
 * makes the VM Expunging (so a crash leaves an expunge to finish) and one that removes its rows.
 */
public class VmExpungeRunningTest {
    private VmDao vms;
    private Placement placement;
    private VmProvisioner provisioner;
    private HypervisorDriver driver;
    private TransactionTemplate tx;
    private VmOperations operations;
    private final Vm vm = new Vm(9, "vm-uuid", "web", "web", 2, 1, 1, 7L, 7L, 1, 3, "Docker", 1, 500, 64,
            VmState.Running, null, null, 0, Instant.now(), Instant.now());
    private final Host host = new Host(7, "h7", "host7", 1, 1, 1, "Docker", "unix:///var/run/docker.sock", "Up",
            "Enabled", 4, 2000, 1L << 33, 500, 64, Instant.now(), Instant.now());

    @Before
    @SuppressWarnings("unchecked")
    public void setUp() {
        vms = mock(VmDao.class);
        placement = mock(Placement.class);
        provisioner = mock(VmProvisioner.class);
        driver = mock(HypervisorDriver.class);
        HostDao hosts = mock(HostDao.class);
        tx = mock(TransactionTemplate.class);
        doAnswer(inv -> {
            ((Consumer<TransactionStatus>) inv.getArgument(0)).accept(null);
            return null;
        }).when(tx).executeWithoutResult(any());
        operations = new VmOperations(vms, hosts, mock(TemplateDao.class), mock(SshKeyPairDao.class),
                mock(AccountDao.class), placement, provisioner, mock(EventService.class), tx,
                mock(ResourceCounter.class), mock(AddressAllocator.class), mock(VolumeHosts.class));
        when(vms.find(9)).thenReturn(Optional.of(vm));
        when(vms.transition(anyLong(), any(), any(), any())).thenReturn(true);
        when(hosts.host(7)).thenReturn(Optional.of(host));
        when(placement.driverOf(host)).thenReturn(driver);
    }

    @Test
    public void theInstanceIsRemovedInOneDriverCallBetweenTwoCommits() {
        operations.destroy(CallContext.system(), 9, true);
        verify(driver, never()).stop(any(), anyString(), anyBoolean());
        verify(driver, times(1)).destroy(host.ref(), "vm-uuid");
        verify(tx, times(2)).executeWithoutResult(any());
        InOrder order = inOrder(vms, driver, placement, provisioner);
        order.verify(vms).transition(9, VmState.Running, VmState.Expunging, null);
        order.verify(placement).release(7, vm);
        order.verify(provisioner).releaseRunningCounters(vm);
        order.verify(driver).destroy(host.ref(), "vm-uuid");
        order.verify(provisioner).removeRows(vm, false);
    }

    @Test
    public void aHostThatFailsDoesNotKeepTheVm() {
        doThrow(new IllegalStateException("engine gone")).when(driver).destroy(any(), anyString());
        operations.destroy(CallContext.system(), 9, true);
        verify(provisioner).removeRows(vm, false);
        verify(provisioner).releaseRunningCounters(vm);
        verify(placement).release(7, vm);
    }

    @Test
    public void withoutExpungeTheRunningVmIsStoppedThroughItsDriverAndKept() {
        Vm stopped = new Vm(9, "vm-uuid", "web", "web", 2, 1, 1, null, 7L, 1, 3, "Docker", 1, 500, 64,
                VmState.Stopped, null, null, 1, Instant.now(), Instant.now());
        // destroy's and stop's own looks see it running, the ones after the stop see it stopped
        when(vms.find(9)).thenReturn(Optional.of(vm), Optional.of(vm), Optional.of(stopped));
        operations.destroy(CallContext.system(), 9, false);
        verify(driver).stop(eq(host.ref()), eq("vm-uuid"), eq(true));
        verify(driver, never()).destroy(any(), anyString());
        verify(provisioner, never()).removeRows(any(), anyBoolean());
    }
}
