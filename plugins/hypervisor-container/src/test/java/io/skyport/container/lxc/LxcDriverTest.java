package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.container.ContainerLayoutTest;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.PowerState;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

public class LxcDriverTest {
    private static final HostRef HOST = new HostRef(1, "h", "h", "unix:///var/lib/lxd/unix.socket", Map.of());
    private static final VmSpec VM = ContainerLayoutTest.vm(1, 500, 64, "web1");
    private static final String PATH = "/1.0/instances/skyport-" + VM.uuid();
    private LxdClient lxd;
    private LxcDriver driver;

    @Before
    public void setUp() {
        lxd = mock(LxdClient.class);
        when(lxd.socket()).thenReturn("/var/lib/lxd/unix.socket");
        LxdClients clients = mock(LxdClients.class);
        when(clients.client(any())).thenReturn(lxd);
        driver = new LxcDriver(clients);
    }

    private static JsonObject instance(String status) {
        return JsonParser.parseString("{\"name\":\"skyport-x\",\"status\":\"" + status + "\",\"config\":{}}")
                .getAsJsonObject();
    }

    private static LxdException notFound() {
        return new LxdException(404, "LXD refused GET: Not Found");
    }

    @Test
    public void onlyAProfileWithANicAttachesTheGuestNetwork() {
        assertFalse("no profile: a root disk and no NIC", driver.attachesGuestNetwork(HOST));
        HostRef profiled = new HostRef(1, "h", "h", "unix:///var/lib/lxd/unix.socket?profile=disks,net", Map.of());
        when(lxd.get("/1.0/profiles/disks")).thenReturn(JsonParser.parseString(
                "{\"name\":\"disks\",\"devices\":{\"data\":{\"type\":\"disk\",\"path\":\"/data\"}}}"));
        when(lxd.get("/1.0/profiles/net")).thenReturn(JsonParser.parseString(
                "{\"name\":\"net\",\"devices\":{}}"));
        assertFalse(driver.attachesGuestNetwork(profiled));
        when(lxd.get("/1.0/profiles/net")).thenReturn(JsonParser.parseString(
                "{\"name\":\"net\",\"devices\":{\"eth0\":{\"type\":\"nic\",\"network\":\"lxdbr0\"}}}"));
        assertTrue(driver.attachesGuestNetwork(profiled));
        when(lxd.get("/1.0/profiles/disks")).thenThrow(new LxdException(0, "the LXD daemon does not answer"));
        assertFalse("a daemon that cannot say counts as no network", driver.attachesGuestNetwork(profiled));
        assertTrue("a bridged host gives every container a NIC of its own, whatever the daemon says",
                driver.attachesGuestNetwork(new HostRef(1, "h", "h",
                        "unix:///var/lib/lxd/unix.socket?networking=bridge", Map.of())));
        assertTrue(driver.reportsStats());
    }

    @Test
    public void missingImageFailsBeforeAnyInstanceIsCreated() {
        when(lxd.get(PATH)).thenThrow(notFound());
        when(lxd.get("/1.0/images/aliases/img")).thenThrow(notFound());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.start(HOST, VM));
        assertTrue(e.getMessage(), e.getMessage().contains("image img is not on the LXD host /var/lib/lxd/unix.socket"));
        verify(lxd, never()).call(eq("POST"), eq("/1.0/instances"), any(), any());
    }

    @Test
    public void aContainerThatFailsToStartIsDeletedAgain() {
        when(lxd.get(PATH)).thenThrow(notFound()).thenReturn(instance("Stopped"));
        when(lxd.get("/1.0/images/aliases/img")).thenReturn(JsonParser.parseString("{\"target\":\"f00d\"}"));
        when(lxd.call(eq("PUT"), eq(PATH + "/state"), any(), any())).thenThrow(new LxdException(400,
                "LXD failed PUT: Failed to run: forkstart"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.start(HOST, VM));
        assertTrue(e.getMessage(), e.getMessage().contains("forkstart"));
        verify(lxd).call(eq("POST"), eq("/1.0/instances"), argThat(b -> b.getAsJsonObject("source")
                .get("fingerprint").getAsString().equals("f00d")), any());
        verify(lxd).call(eq("DELETE"), eq(PATH), isNull(), any());
    }

    @Test
    public void aStopThatDoesNotFinishCleanlyKills() {
        when(lxd.get(PATH)).thenReturn(instance("Running"));
        when(lxd.call(eq("PUT"), eq(PATH + "/state"), argThat(b -> b != null && !b.get("force").getAsBoolean()),
                any())).thenThrow(new LxdException(400, "LXD failed PUT: shutdown timed out"));
        driver.stop(HOST, VM.uuid(), false);
        verify(lxd).call(eq("PUT"), eq(PATH + "/state"), argThat(b -> b != null && b.get("force").getAsBoolean()
                && b.get("action").getAsString().equals("stop")), any());
    }

    @Test
    public void stoppingAStoppedOrMissingContainerSendsNothing() {
        when(lxd.get(PATH)).thenReturn(instance("Stopped"));
        driver.stop(HOST, VM.uuid(), true);
        when(lxd.get(PATH)).thenThrow(notFound());
        driver.stop(HOST, VM.uuid(), false);
        verify(lxd, never()).call(any(), any(), any(), any());
    }

    @Test
    public void listMapsInstancesCarryingAVmUuid() {
        when(lxd.get("/1.0/instances?recursion=1")).thenReturn(JsonParser.parseString("["
                + "{\"name\":\"skyport-a\",\"status\":\"Running\",\"config\":{\"user.skyport.vm\":\"a\"}},"
                + "{\"name\":\"skyport-b\",\"status\":\"Stopped\",\"config\":{\"user.skyport.vm\":\"b\"}},"
                + "{\"name\":\"theirs\",\"status\":\"Running\",\"config\":{}}]"));
        assertEquals(Map.of("a", PowerState.RUNNING, "b", PowerState.STOPPED), driver.list(HOST));
    }

    @Test
    public void statusFollowsTheInstance() {
        when(lxd.get(PATH)).thenThrow(notFound());
        assertEquals(PowerState.MISSING, driver.status(HOST, VM.uuid()));
    }

    @Test
    public void cpuSpeedIsTheFirstReportedClockElseTheFallback() {
        assertEquals(2600, LxcDriver.reportedSpeed(JsonParser.parseString("{\"total\":2,\"sockets\":[{\"frequency\":0},"
                + "{\"frequency\":2600}]}").getAsJsonObject()));
        assertEquals("a VM's CPUs often report no clock", 2000, LxcDriver.reportedSpeed(JsonParser.parseString(
                "{\"total\":2,\"sockets\":[{\"name\":\"Intel(R) Xeon(R) Processor\"}]}").getAsJsonObject()));
    }

    @Test
    public void consoleKeepsTheEndOfALongLog() {
        byte[] log = new byte[LxcDriver.CONSOLE_BYTES + 10];
        Arrays.fill(log, (byte) 'a');
        log[log.length - 1] = 'z';
        String tail = LxcDriver.tail(log);
        assertEquals(LxcDriver.CONSOLE_BYTES, tail.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(tail.endsWith("z"));
    }
}
