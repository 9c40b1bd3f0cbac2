package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.skyport.container.ContainerLayout;
import io.skyport.container.ContainerLayoutTest;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.PowerState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

public class DockerDriverTest {
    private static final HostRef HOST = new HostRef(1, "h", "h", "unix:///var/run/docker.sock", Map.of());
    private DockerClient docker;
    private DockerDriver driver;

    @Before
    public void setUp() {
        docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
        DockerClients clients = mock(DockerClients.class);
        when(clients.client(any())).thenReturn(docker);
        when(clients.connection(any())).thenReturn(new DockerClients.Connection(docker, null));
        driver = new DockerDriver(clients);
    }

    @Test
    public void missingImageFailsBeforeAnyContainerIsCreated() {
        when(docker.inspectContainerCmd(anyString()).exec()).thenThrow(new NotFoundException("no such container"));
        when(docker.inspectImageCmd("img").exec()).thenThrow(new NotFoundException("no such image"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> driver.start(HOST, ContainerLayoutTest.vm(1, 500, 64, "web1")));
        assertTrue(e.getMessage(), e.getMessage().contains("image img is not on the Docker host"));
        verify(docker, never()).createContainerCmd(anyString());
    }

    @Test
    public void containersJoinTheGuestNetworkOnlyOnHostsThatNameANetwork() {
        assertEquals(false, driver.attachesGuestNetwork(HOST));
        assertEquals(true, driver.attachesGuestNetwork(new HostRef(1, "h", "h",
                "unix:///var/run/docker.sock?network=guests", Map.of())));
        assertTrue("the engine's stats endpoint measures containers", driver.reportsStats());
        assertEquals("a bridged host plugs containers into the zone's network", true, driver.attachesGuestNetwork(
                new HostRef(1, "h", "h", "unix:///var/run/docker.sock?networking=bridge", Map.of())));
    }

    @Test
    public void bridgingIsForThisMachinesEngineOnlyAndExcludesANamedNetwork() {
        assertThrows(IllegalArgumentException.class, () -> DockerEndpoint.of(new HostRef(1, "h", "h",
                "tcp://198.18.0.9:2376?networking=bridge", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> DockerEndpoint.of(new HostRef(1, "h", "h",
                "unix:///var/run/docker.sock?networking=bridge&network=guests", Map.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DockerEndpoint.of(
                new HostRef(1, "h", "h", "unix:///var/run/docker.sock?networking=vxlan", Map.of())));
        assertTrue(e.getMessage(), e.getMessage().contains("bridge or none"));
        assertTrue("a host detail turns it on as the URL's query does", DockerEndpoint.of(new HostRef(1, "h", "h",
                "unix:///var/run/docker.sock", Map.of("Networking", "bridge"))).bridged());
    }

    @Test
    public void statusFollowsTheContainer() {
        when(docker.inspectContainerCmd("skyport-a").exec()).thenThrow(new NotFoundException("gone"));
        assertEquals(PowerState.MISSING, driver.status(HOST, "a"));
        when(docker.inspectContainerCmd("skyport-b").exec().getState().getRunning()).thenReturn(false);
        assertEquals(PowerState.STOPPED, driver.status(HOST, "b"));
        when(docker.inspectContainerCmd("skyport-c").exec().getState().getRunning()).thenReturn(true);
        assertEquals(PowerState.RUNNING, driver.status(HOST, "c"));
    }

    @Test
    public void listMapsLabelledContainersByVm() {
        Container up = mock(Container.class);
        when(up.getLabels()).thenReturn(Map.of(ContainerLayout.VM_LABEL, "vm1"));
        when(up.getState()).thenReturn("running");
        Container down = mock(Container.class);
        when(down.getLabels()).thenReturn(Map.of(ContainerLayout.VM_LABEL, "vm2"));
        when(down.getState()).thenReturn("exited");
        when(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(ContainerLayout.VM_LABEL)).exec())
                .thenReturn(List.of(up, down));
        assertEquals(Map.of("vm1", PowerState.RUNNING, "vm2", PowerState.STOPPED), driver.list(HOST));
    }

    @Test
    public void destroyOfAGoneContainerIsNotAnError() {
        when(docker.removeContainerCmd("skyport-a").withForce(true).withRemoveVolumes(true).exec())
                .thenThrow(new NotFoundException("gone"));
        driver.destroy(HOST, "a");
    }

    @Test
    public void consoleKeepsTheEndOfALongLog() {
        byte[] log = new byte[DockerDriver.CONSOLE_BYTES + 10];
        java.util.Arrays.fill(log, (byte) 'a');
        log[log.length - 1] = 'z';
        String tail = DockerDriver.tail(log);
        assertEquals(DockerDriver.CONSOLE_BYTES, tail.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(tail.endsWith("z"));
    }
}
