package io.skyport.core.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.AddressAllocator;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.volume.VolumeHosts;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** A start with data volumes: the VM goes to the host holding their data, and its instance mounts them. */
public class VmStartVolumesTest {
    private VmDao vms;
    private Placement placement;
    private VolumeHosts volumeHosts;
    private HypervisorDriver driver;
    private VmOperations operations;
    private final Vm vm = new Vm(9, "vm-uuid", "web", "web", 2, 1, 1, null, 7L, 1, 3, "Docker", 1, 500, 64,
            VmState.Stopped, null, null, 0, Instant.now(), Instant.now());
    private final Host host = new Host(7, "h7", "host7", 1, 1, 1, "Docker", "unix:///var/run/docker.sock", "Up",
            "Enabled", 4, 2000, 1L << 33, 0, 0, Instant.now(), Instant.now());

    @Before
    @SuppressWarnings("unchecked")
    public void setUp() {
        vms = mock(VmDao.class);
        placement = mock(Placement.class);
        volumeHosts = mock(VolumeHosts.class);
        driver = mock(HypervisorDriver.class);
        TemplateDao templates = mock(TemplateDao.class);
        when(templates.find(3)).thenReturn(Optional.of(new Template(3, "t", "busybox", "busybox", 1, null, 1,
                "CONTAINER", "Docker", "http://images.invalid/b.tar", "busybox:it", true, false, false, 0, "Ready",
                Instant.EPOCH)));
        TransactionTemplate tx = mock(TransactionTemplate.class);
        when(tx.execute(any())).thenAnswer(inv -> ((TransactionCallback<Object>) inv.getArgument(0)).doInTransaction(
                null));
        operations = new VmOperations(vms, mock(HostDao.class), templates, mock(SshKeyPairDao.class),
                mock(AccountDao.class), placement, mock(VmProvisioner.class), mock(EventService.class), tx,
                mock(ResourceCounter.class), mock(AddressAllocator.class), volumeHosts);
        when(vms.find(9)).thenReturn(Optional.of(vm));
        when(vms.transition(anyLong(), any(), any(), any())).thenReturn(true);
        when(placement.driverOf(host)).thenReturn(driver);
    }

    @Test
    public void aVmWhoseVolumeDataIsOnAHostStartsThereWithItsVolumesMounted() {
        when(volumeHosts.pinnedHost(9)).thenReturn(Optional.of(7L));
        List<VolumeRef> refs = List.of(new VolumeRef("v1", "data", 1, 1L << 30));
        when(volumeHosts.refs(9)).thenReturn(refs);
        when(placement.reserve(eq(vm), eq(7L), any())).thenReturn(host);
        operations.start(CallContext.system(), 9, null);
        ArgumentCaptor<VmSpec> spec = ArgumentCaptor.forClass(VmSpec.class);
        verify(driver).start(eq(host.ref()), spec.capture());
        assertEquals(refs, spec.getValue().volumes());
        verify(volumeHosts).placed(eq(9L), eq(new VolumeHosts.Target(host, driver)));
    }

    @Test
    public void anotherHostAskedForIsRefusedBeforeAnythingIsReserved() {
        when(volumeHosts.pinnedHost(9)).thenReturn(Optional.of(7L));
        ApiException e = assertThrows(ApiException.class, () -> operations.start(CallContext.system(), 9, 8L));
        assertEquals(ApiError.PARAM_ERROR, e.error());
        verify(placement, never()).reserve(any(), any(), any());
    }
}
