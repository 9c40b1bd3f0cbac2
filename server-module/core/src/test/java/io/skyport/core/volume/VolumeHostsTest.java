package io.skyport.core.volume;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.vm.Placement;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

public class VolumeHostsTest {
    private VolumeDao volumes;
    private HostDao hostDao;
    private Placement placement;
    private VolumeHosts hosts;

    @Before
    public void setUp() {
        volumes = mock(VolumeDao.class);
        hostDao = mock(HostDao.class);
        placement = mock(Placement.class);
        hosts = new VolumeHosts(hostDao, placement, volumes);
    }

    private static Volume volume(long id, String type, Integer device, Long hostId) {
        return new Volume(id, "v" + id, "data" + id, 2, 1, 1, 9L, device, 1L, type, 1L << 30, "Ready", Instant.now(),
                hostId);
    }

    private static Host host(long id) {
        return new Host(id, "h" + id, "host" + id, 1, 1, 1, "LXC", "unix:///var/lib/lxd/unix.socket", "Up", "Enabled",
                4, 2000, 1L << 33, 0, 0, Instant.now(), Instant.now());
    }

    @Test
    public void onlyDataVolumesAreMountedAndPinTheVm() {
        when(volumes.ofVm(9)).thenReturn(List.of(volume(1, "ROOT", 0, 4L), volume(2, "DATADISK", 1, null),
                volume(3, "DATADISK", 2, 7L)));
        assertEquals(List.of(new VolumeRef("v2", "data2", 1, 1L << 30), new VolumeRef("v3", "data3", 2, 1L << 30)),
                hosts.refs(9));
        assertEquals("the ROOT volume's row pins nothing", Optional.of(7L), hosts.pinnedHost(9));
    }

    @Test
    public void aStartOnAHostWithLocalVolumesRecordsIt() {
        when(volumes.ofVm(9)).thenReturn(List.of(volume(2, "DATADISK", 1, null)));
        HypervisorDriver driver = mock(HypervisorDriver.class);
        when(driver.hostLocalVolumes()).thenReturn(true);
        hosts.placed(9, new VolumeHosts.Target(host(7), driver));
        verify(volumes).placeOnHost(2, 7);
    }

    @Test
    public void aDeletedAccountsVolumesLeaveTheirHostsEvenWhenOneFails() {
        when(volumes.placedOf(2)).thenReturn(List.of(volume(2, "DATADISK", null, 7L), volume(3, "DATADISK", null,
                7L)));
        Host h = host(7);
        when(hostDao.host(7)).thenReturn(Optional.of(h));
        HypervisorDriver driver = mock(HypervisorDriver.class);
        when(placement.driverOf(h)).thenReturn(driver);
        doThrow(new IllegalStateException("down")).when(driver).deleteVolume(any(), any());
        hosts.releaseStorageOf(2);
        verify(driver).deleteVolume(h.ref(), new VolumeRef("v2", "data2", 0, 1L << 30));
        verify(driver).deleteVolume(h.ref(), new VolumeRef("v3", "data3", 0, 1L << 30));
    }
}
