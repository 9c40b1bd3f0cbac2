package io.skyport.container.net;

import java.util.List;

/**
 * Makes a guest network's Linux bridge on this machine: created when missing, the gateway and the
 * metadata address (169.254.169.254/32) on it, up. Every step is idempotent, so it runs before each
 * start of a networked instance and at every firewall rebuild (a machine reboot loses bridges).
 * Bridges are never removed by the driver: instances of the network may run on other hosts of it.
 */
public class GuestBridges {
    private final HostCommands commands;

    public GuestBridges(HostCommands commands) {
        this.commands = commands;
    }

    public synchronized void ensure(GuestBridge b) {
        if (!commands.run(List.of("ip", "link", "show", "dev", b.name()), null).ok()) {
            check(List.of("ip", "link", "add", "name", b.name(), "type", "bridge"), b);
        }
        check(List.of("ip", "addr", "replace", b.gateway() + "/" + b.prefix(), "dev", b.name()), b);
        check(List.of("ip", "addr", "replace", NftRuleset.METADATA_ADDRESS + "/32", "dev", b.name()), b);
        check(List.of("ip", "link", "set", "dev", b.name(), "up"), b);
    }

    private void check(List<String> command, GuestBridge b) {
        HostCommands.Result r = commands.run(command, null);
        if (!r.ok()) {
            throw new IllegalStateException("could not set up bridge " + b.name() + " of guest network " + b.cidr()
                    + " (" + String.join(" ", command) + "): " + r.output());
        }
    }

    /** The commands that configure an instance's interface from inside it (LXD gives an unmanaged bridge none). */
    public static List<String> configureInside(String device, String address, int prefix, String gateway) {
        String script = "ip addr replace " + address + "/" + prefix + " dev " + device + " && ip link set " + device
                + " up && ip route replace default via " + gateway + " && ip route replace "
                + NftRuleset.METADATA_ADDRESS + "/32 via " + gateway;
        return List.of("/bin/sh", "-c", script);
    }
}
