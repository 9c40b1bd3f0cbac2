package io.skyport.container.net;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class GuestBridgeTest {
    private static final String NET = "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0";

    @Test
    public void namesFitLinuxInterfaceNamesAndComeFromTheNetworkUuid() {
        GuestBridge b = GuestBridge.of(NET, "198.18.128.5/17", "198.18.128.1");
        assertEquals("sp0f1e2d3c4b5a", b.name());
        assertTrue(b.name().length() <= 15);
        assertEquals("skyport-0f1e2d3c4b5a", b.dockerNetwork());
        assertEquals("the CIDR is normalised", "198.18.128.0/17", b.cidr());
        assertEquals(17, b.prefix());
    }

    @Test
    public void onlyTheBenchmarkAndLinkLocalRangesAreBridged() {
        GuestBridge.of(NET, "198.19.0.0/16", "198.19.0.1");
        GuestBridge.of(NET, "169.254.0.0/16", "169.254.0.1");
        for (String cidr : List.of("10.1.0.0/16", "172.16.0.0/12", "192.168.1.0/24", "198.16.0.0/13", "0.0.0.0/0")) {
            assertThrows(cidr, IllegalArgumentException.class, () -> GuestBridge.of(NET, cidr,
                    cidr.substring(0, cidr.lastIndexOf('.')) + ".1"));
        }
        assertThrows("gateway outside", IllegalArgumentException.class,
                () -> GuestBridge.of(NET, "198.19.0.0/24", "198.19.1.1"));
    }

    @Test
    public void ensureCreatesAMissingBridgeAndOnlyReaddressesAnExistingOne() {
        List<String> ran = new ArrayList<>();
        boolean[] exists = {false};
        HostCommands fake = (command, stdin) -> {
            String line = String.join(" ", command);
            ran.add(line);
            if (line.startsWith("ip link show")) {
                return new HostCommands.Result(exists[0] ? 0 : 1, "");
            }
            return new HostCommands.Result(0, "");
        };
        GuestBridges bridges = new GuestBridges(fake);
        GuestBridge b = GuestBridge.of(NET, "198.19.4.0/24", "198.19.4.1");
        bridges.ensure(b);
        assertEquals(List.of("ip link show dev sp0f1e2d3c4b5a", "ip link add name sp0f1e2d3c4b5a type bridge",
                "ip addr replace 198.19.4.1/24 dev sp0f1e2d3c4b5a",
                "ip addr replace 169.254.169.254/32 dev sp0f1e2d3c4b5a", "ip link set dev sp0f1e2d3c4b5a up"), ran);
        ran.clear();
        exists[0] = true;
        bridges.ensure(b);
        assertTrue(ran.toString(), ran.stream().noneMatch(l -> l.startsWith("ip link add")));
    }

    @Test
    public void aFailingStepSaysWhichBridgeAndWhy() {
        GuestBridges bridges = new GuestBridges((command, stdin) -> new HostCommands.Result(
                command.contains("add") ? 2 : 1, "RTNETLINK answers: Operation not permitted"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bridges.ensure(GuestBridge.of(NET, "198.19.4.0/24", "198.19.4.1")));
        assertTrue(e.getMessage(), e.getMessage().contains("sp0f1e2d3c4b5a")
                && e.getMessage().contains("Operation not permitted"));
    }
}
