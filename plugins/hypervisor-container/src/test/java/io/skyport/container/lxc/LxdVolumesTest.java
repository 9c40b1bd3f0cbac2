package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.container.ContainerLayoutTest;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

/** LXD custom volumes: the request bodies, and the requests attach, detach and delete send. */
public class LxdVolumesTest {
    private static final HostRef HOST = new HostRef(1, "h", "h", "unix:///var/lib/lxd/unix.socket?pool=fast",
            Map.of());
    private static final VolumeRef VOLUME = new VolumeRef("vol-1", "data", 2, 5L << 30);
    private static final String INSTANCE = "/1.0/instances/skyport-vm-1";
    private static final String CUSTOM = "/1.0/storage-pools/fast/volumes/custom/skyport-vol-vol-1";
    private LxdClient lxd;
    private LxcDriver driver;

    @Before
    public void setUp() {
        lxd = mock(LxdClient.class);
        LxdClients clients = mock(LxdClients.class);
        when(clients.client(any())).thenReturn(lxd);
        driver = new LxcDriver(clients);
    }

    private static LxdException notFound() {
        return new LxdException(404, "LXD refused GET: Not Found");
    }

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    public void aCustomVolumeCarriesTheVolumesUuidAndNoSize() {
        assertEquals(json("{\"name\":\"skyport-vol-vol-1\",\"type\":\"custom\",\"content_type\":\"filesystem\","
                + "\"description\":\"Skyport volume data\",\"config\":{\"user.skyport.volume\":\"vol-1\"}}"),
                LxdRequests.customVolume(VOLUME));
    }

    @Test
    public void theDiskDeviceIsNamedAndMountedByTheSlot() {
        assertEquals(json("{\"devices\":{\"skyport-disk2\":{\"type\":\"disk\",\"pool\":\"fast\","
                + "\"source\":\"skyport-vol-vol-1\",\"path\":\"/mnt/disk2\"}}}"), LxdRequests.addDisk("fast", VOLUME));
    }

    @Test
    public void aNewInstanceGetsItsVolumesAsDevices() {
        VmSpec base = ContainerLayoutTest.vm(1, 500, 64, "web1");
        VmSpec vm = new VmSpec(base.uuid(), base.name(), base.accountUuid(), 1, 500, 64, "img", null, List.of(),
                Map.of(), null, List.of(VOLUME));
        JsonObject body = LxdRequests.createInstance("skyport-x", "f00d", LxdEndpoint.of(HOST), vm);
        assertEquals("/mnt/disk2", body.getAsJsonObject("devices").getAsJsonObject("skyport-disk2").get("path")
                .getAsString());
        assertEquals("fast", body.getAsJsonObject("devices").getAsJsonObject("root").get("pool").getAsString());
    }

    @Test
    public void removalPutsBackEveryWritableFieldButTheVolumesDevices() {
        JsonObject instance = json("{\"name\":\"skyport-vm-1\",\"status\":\"Running\",\"architecture\":\"x86_64\","
                + "\"config\":{\"limits.cpu\":\"1\"},\"profiles\":[],\"ephemeral\":false,\"stateful\":false,"
                + "\"description\":\"\",\"expanded_devices\":{},\"devices\":{"
                + "\"root\":{\"type\":\"disk\",\"path\":\"/\",\"pool\":\"fast\"},"
                + "\"skyport-disk2\":{\"type\":\"disk\",\"pool\":\"fast\",\"source\":\"skyport-vol-vol-1\",\"path\":\"/mnt/disk2\"},"
                + "\"other\":{\"type\":\"disk\",\"pool\":\"fast\",\"source\":\"skyport-vol-vol-9\",\"path\":\"/mnt/disk3\"}}}");
        List<String> disks = LxdRequests.disksOf(instance, "skyport-vol-vol-1");
        assertEquals(List.of("skyport-disk2"), disks);
        JsonObject put = LxdRequests.withoutDevices(instance, disks);
        assertEquals(json("{\"architecture\":\"x86_64\",\"config\":{\"limits.cpu\":\"1\"},\"devices\":{"
                + "\"root\":{\"type\":\"disk\",\"path\":\"/\",\"pool\":\"fast\"},"
                + "\"other\":{\"type\":\"disk\",\"pool\":\"fast\",\"source\":\"skyport-vol-vol-9\",\"path\":\"/mnt/disk3\"}},"
                + "\"ephemeral\":false,\"profiles\":[],\"stateful\":false,\"description\":\"\"}"), put);
        assertEquals("the instance itself is untouched", 3, instance.getAsJsonObject("devices").size());
    }

    @Test
    public void attachMakesTheCustomVolumeThenPatchesTheRunningInstance() {
        when(lxd.get(CUSTOM)).thenThrow(notFound());
        when(lxd.get(INSTANCE)).thenReturn(json("{\"status\":\"Running\",\"devices\":{}}"));
        driver.attachVolume(HOST, "vm-1", VOLUME);
        verify(lxd).call(eq("POST"), eq("/1.0/storage-pools/fast/volumes"), eq(LxdRequests.customVolume(VOLUME)),
                any());
        verify(lxd).call(eq("PATCH"), eq(INSTANCE), eq(LxdRequests.addDisk("fast", VOLUME)), any());
    }

    @Test
    public void aCustomVolumeMadeForAnAttachThatFailsIsDeletedAgain() {
        when(lxd.get(CUSTOM)).thenThrow(notFound());
        when(lxd.get(INSTANCE)).thenReturn(json("{\"status\":\"Stopped\",\"devices\":{}}"));
        when(lxd.call(eq("PATCH"), eq(INSTANCE), any(), any())).thenThrow(new LxdException(400,
                "LXD refused PATCH: Invalid devices"));
        assertThrows(LxdException.class, () -> driver.attachVolume(HOST, "vm-1", VOLUME));
        verify(lxd).call(eq("DELETE"), eq(CUSTOM), isNull(), any());
    }

    @Test
    public void anExistingCustomVolumeIsReusedAndKeptWhenTheAttachFails() {
        when(lxd.get(CUSTOM)).thenReturn(json("{\"name\":\"skyport-vol-vol-1\"}"));
        when(lxd.get(INSTANCE)).thenReturn(json("{\"status\":\"Stopped\",\"devices\":{}}"));
        when(lxd.call(eq("PATCH"), eq(INSTANCE), any(), any())).thenThrow(new LxdException(400, "no"));
        assertThrows(LxdException.class, () -> driver.attachVolume(HOST, "vm-1", VOLUME));
        verify(lxd, never()).call(eq("POST"), any(), any(), any());
        verify(lxd, never()).call(eq("DELETE"), any(), any(), any());
    }

    @Test
    public void anInstanceStillHeldByAStopIsRetried() {
        when(lxd.get(CUSTOM)).thenReturn(json("{}"));
        when(lxd.get(INSTANCE)).thenReturn(json("{\"status\":\"Stopped\",\"devices\":{}}"));
        when(lxd.call(eq("PATCH"), eq(INSTANCE), any(), any())).thenThrow(new LxdException(400,
                "LXD refused PATCH: Instance is busy running a \"stop\" operation")).thenReturn(new JsonObject());
        driver.attachVolume(HOST, "vm-1", VOLUME);
        verify(lxd, times(2)).call(eq("PATCH"), eq(INSTANCE), any(), any());
    }

    @Test
    public void detachOfAVolumeTheInstanceDoesNotMountSendsNothing() {
        when(lxd.get(INSTANCE)).thenReturn(json("{\"status\":\"Running\",\"devices\":{\"root\":{\"type\":\"disk\","
                + "\"path\":\"/\",\"pool\":\"fast\"}}}"));
        driver.detachVolume(HOST, "vm-1", VOLUME);
        verify(lxd, never()).call(eq("PUT"), any(), any(), any());
    }

    @Test
    public void detachPutsTheInstanceBackWithoutTheDevice() {
        when(lxd.get(INSTANCE)).thenReturn(json("{\"status\":\"Running\",\"config\":{},\"profiles\":[],\"devices\":{"
                + "\"skyport-disk2\":{\"type\":\"disk\",\"pool\":\"fast\",\"source\":\"skyport-vol-vol-1\","
                + "\"path\":\"/mnt/disk2\"}}}"));
        driver.detachVolume(HOST, "vm-1", VOLUME);
        ArgumentCaptor<JsonObject> put = ArgumentCaptor.forClass(JsonObject.class);
        verify(lxd).call(eq("PUT"), eq(INSTANCE), put.capture(), any());
        assertEquals(new JsonObject(), put.getValue().getAsJsonObject("devices"));
    }

    @Test
    public void deleteOfAGoneCustomVolumeIsNotAnErrorButOneInUseIs() {
        when(lxd.call(eq("DELETE"), eq(CUSTOM), isNull(), any())).thenThrow(notFound());
        driver.deleteVolume(HOST, VOLUME);
        when(lxd.call(eq("DELETE"), eq(CUSTOM), isNull(), any())).thenThrow(new LxdException(400,
                "LXD refused DELETE: The storage volume is still in use"));
        assertThrows(LxdException.class, () -> driver.deleteVolume(HOST, VOLUME));
    }
}
