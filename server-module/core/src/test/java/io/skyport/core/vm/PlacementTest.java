package io.skyport.core.vm;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.HypervisorDriver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class PlacementTest {
    private static Host host(long id, String hypervisor) {
        return new Host(id, "h" + id, "h" + id, 1, 1, 1, hypervisor, "x://h", "Up", "Enabled", 4, 2000, 1L << 33, 0, 0,
                Instant.now(), Instant.now());
    }

    @Test
    public void aVmIsPlacedOnlyOnHostsOfItsHypervisor() {
        HostDao hosts = mock(HostDao.class);
        ModuleRegistry registry = mock(ModuleRegistry.class);
        when(registry.driver(any())).thenReturn(Optional.of(mock(HypervisorDriver.class)));
        Host sim = host(1, "Simulator");
        Host docker = host(2, "Docker");
        when(hosts.candidates(eq(1L), anyLong(), anyLong(), any())).thenReturn(List.of(sim, docker));
        when(hosts.reserve(anyLong(), anyLong(), anyLong())).thenReturn(true);
        Vm vm = new Vm(9, "vm", "n", "n", 2, 1, 1, null, null, 1, 1, "Docker", 1, 500, 64, VmState.Stopped, null, null,
                0, Instant.now(), Instant.now());
        assertEquals(docker, new Placement(hosts, registry).reserve(vm, null, List.of()));
        verify(hosts, never()).reserve(eq(1L), anyLong(), anyLong());
    }
}
