package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skyport.plugin.HypervisorDriver.HostRef;
import java.util.Map;
import org.junit.Test;

public class DockerEndpointTest {
    private static HostRef host(String url, Map<String, String> details) {
        return new HostRef(1, "u", "h", url, details);
    }

    @Test
    public void localSocketHasNoNetworkAndDefaults() {
        DockerEndpoint e = DockerEndpoint.of(host("unix:///var/run/docker.sock", Map.of()));
        assertEquals("unix:///var/run/docker.sock", e.dockerHost());
        assertNull(e.tlsCertPath());
        assertEquals("none", e.networkMode());
        assertEquals(DockerEndpoint.DEFAULT_STOP_TIMEOUT, e.stopTimeoutSeconds());
        assertEquals(DockerEndpoint.DEFAULT_CPU_SPEED_MHZ, e.cpuSpeedMhz());
    }

    @Test
    public void queryOptionsAreReadAndDetailsOverrideThem() {
        DockerEndpoint e = DockerEndpoint.of(host("tcp://engine1:2376?tlscertpath=/etc/certs%20a&network=skynet"
                + "&stoptimeout=3&cpuspeed=2600", Map.of("network", "other")));
        assertEquals("tcp://engine1:2376", e.dockerHost());
        assertEquals("/etc/certs a", e.tlsCertPath());
        assertEquals("other", e.networkMode());
        assertEquals(3, e.stopTimeoutSeconds());
        assertEquals(2600, e.cpuSpeedMhz());
    }

    @Test
    public void badUrlsAreRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"http://engine:2375", "tcp://engine", "unix://", "docker.sock", " "}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class,
                    () -> DockerEndpoint.of(host(bad, Map.of())));
            assertTrue(e.getMessage(), e.getMessage().contains("unix://") || e.getMessage().contains("address"));
        }
        assertThrows(IllegalArgumentException.class, () -> DockerEndpoint.of(host(
                "unix:///var/run/docker.sock?tlscertpath=/c", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> DockerEndpoint.of(host(
                "unix:///var/run/docker.sock?stoptimeout=0", Map.of())));
    }
}
