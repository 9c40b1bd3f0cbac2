package io.skyport.core.network;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import java.time.Instant;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

public class MetadataCallersTest {
    private final NetworkDao networks = mock(NetworkDao.class);
    private final VmDao vms = mock(VmDao.class);
    private final MetadataCallers callers = new MetadataCallers(networks, vms);

    private static Vm vm(long id) {
        return new Vm(id, "uuid-" + id, "vm" + id, null, 2, 1, 1, 1L, null, 1, 1, "Simulator", 1, 1000, 512,
                VmState.Running, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    @Before
    public void twoNetworks() {
        Network a = new Network(4, "n4", "a", "a", 1, null, "198.18.0.0/16", "198.18.255.253", "Guest", "Guest",
                "Setup", true, Instant.EPOCH);
        Network b = new Network(9, "n9", "b", "b", 2, null, "198.19.0.0/16", "198.19.255.253", "Guest", "Guest",
                "Setup", true, Instant.EPOCH);
        when(networks.list(null, null, null, null)).thenReturn(List.of(a, b));
    }

    @Test
    public void theVmHoldingTheAddressOnAZoneNetworkIsTheCaller() {
        when(vms.activeWithAddress(List.of(4L, 9L), Ipv4.parse("198.18.0.7"))).thenReturn(List.of(vm(31)));
        assertEquals(31, callers.bySourceAddress("198.18.0.7").orElseThrow().id());
    }

    @Test
    public void noCallerForAnUnknownOrAmbiguousOrNonIpv4Source() {
        when(vms.activeWithAddress(anyList(), eq(Ipv4.parse("198.18.0.8")))).thenReturn(List.of());
        when(vms.activeWithAddress(anyList(), eq(Ipv4.parse("198.18.0.9")))).thenReturn(List.of(vm(1), vm(2)));
        assertTrue(callers.bySourceAddress("198.18.0.8").isEmpty());
        assertTrue("two running VMs hold it: neither is answered", callers.bySourceAddress("198.18.0.9").isEmpty());
        assertTrue(callers.bySourceAddress("0:0:0:0:0:0:0:1").isEmpty());
        assertTrue(callers.bySourceAddress("not-an-address").isEmpty());
        verify(vms, never()).activeWithAddress(anyList(), eq(-1L));
    }

    @Test
    public void noNetworksNoLookup() {
        when(networks.list(null, null, null, null)).thenReturn(List.of());
        when(vms.activeWithAddress(List.of(), Ipv4.parse("198.18.0.7"))).thenReturn(List.of());
        assertTrue(callers.bySourceAddress("198.18.0.7").isEmpty());
        verify(vms, never()).activeWithAddress(eq(List.of(4L, 9L)), anyLong());
    }
}
