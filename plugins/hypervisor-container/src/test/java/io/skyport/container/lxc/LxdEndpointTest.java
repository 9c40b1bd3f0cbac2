package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skyport.plugin.HypervisorDriver.HostRef;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class LxdEndpointTest {
    private static LxdEndpoint of(String url, Map<String, String> details) {
        return LxdEndpoint.of(new HostRef(1, "u", "h", url, details));
    }

    @Test
    public void localSocketWithDefaults() {
        LxdEndpoint e = of("unix:///var/lib/lxd/unix.socket", Map.of());
        assertEquals("/var/lib/lxd/unix.socket", e.address());
        assertEquals("default", e.pool());
        assertEquals("no profile: the container gets only what Skyport gives it", List.of(), e.profiles());
        assertEquals(LxdEndpoint.DEFAULT_STOP_TIMEOUT, e.stopTimeoutSeconds());
        assertNull("the clock comes from the daemon unless given", e.cpuSpeedMhz());
    }

    @Test
    public void queryOptionsAreReadAndDetailsOverrideThem() {
        LxdEndpoint e = of("unix:///run/incus/unix.socket?pool=fast&profile=base,%20gpu&stoptimeout=3&cpuspeed=2600",
                Map.of("POOL", "slow"));
        assertEquals("/run/incus/unix.socket", e.address());
        assertEquals("slow", e.pool());
        assertEquals(List.of("base", "gpu"), e.profiles());
        assertEquals(3, e.stopTimeoutSeconds());
        assertEquals(2600, e.cpuSpeedMhz().intValue());
    }

    @Test
    public void badUrlsAndOptionsAreRefused() {
        for (String bad : new String[] {"http://lxd:8443", "https://lxd:8443/1.0", "unix://", "unix://host/sock", "unix.socket", " "}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class, () -> of(bad, Map.of()));
            assertTrue(e.getMessage(), e.getMessage().contains("unix://") || e.getMessage().contains("socket"));
        }
        assertThrows(IllegalArgumentException.class, () -> of("unix:///s?stoptimeout=0", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> of("unix:///s?cpuspeed=fast", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> of("unix:///s?pool=../x", Map.of()));
    }

    @Test
    public void anHttpsHostNeedsItsCertificatesAndASocketTakesNone() {
        IllegalArgumentException noCert = assertThrows(IllegalArgumentException.class,
                () -> of("https://127.0.0.1:8443", Map.of()));
        assertTrue(noCert.getMessage(), noCert.getMessage().contains("clientcert and clientkey"));
        IllegalArgumentException tlsOnSocket = assertThrows(IllegalArgumentException.class,
                () -> of("unix:///var/lib/lxd/unix.socket?clientcert=/c.pem", Map.of()));
        assertTrue(tlsOnSocket.getMessage(), tlsOnSocket.getMessage().contains("https:// LXD hosts only"));
    }
}
