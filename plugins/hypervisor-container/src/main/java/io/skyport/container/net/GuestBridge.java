package io.skyport.container.net;

import io.skyport.core.network.Ipv4;
import java.util.Locale;

/**
 * The Linux bridge a zone guest network is on, on every container host that attaches it: named
 * from the network's uuid (so two networks, or two test runs, never share one), with the network's
 * gateway as its address. Guest networks on these hosts come from 198.18.0.0/15 or 169.254.0.0/16
 * only, so a guest bridge can never shadow a route of the machine's own networks.
 */
public record GuestBridge(String name, String networkUuid, String cidr, String gateway) {
    /** Linux limits interface names to 15 characters; "sp" and 12 hex digits of the uuid fit. */
    private static final int UUID_CHARS = 12;
    private static final Ipv4.Cidr[] ALLOWED = {Ipv4.Cidr.parse("198.18.0.0/15"), Ipv4.Cidr.parse("169.254.0.0/16")};

    public GuestBridge {
        Ipv4.Cidr parsed = Ipv4.Cidr.parse(cidr);
        if (!allowed(parsed)) {
            throw new IllegalArgumentException("guest network " + cidr + " is outside 198.18.0.0/15 and "
                    + "169.254.0.0/16, the only ranges container hosts bridge");
        }
        if (!parsed.contains(Ipv4.parse(gateway))) {
            throw new IllegalArgumentException("gateway " + gateway + " is outside guest network " + cidr);
        }
    }

    public static GuestBridge of(String networkUuid, String cidr, String gateway) {
        return new GuestBridge(bridgeName(networkUuid), networkUuid, Ipv4.Cidr.parse(cidr).toString(), gateway);
    }

    static boolean allowed(Ipv4.Cidr cidr) {
        for (Ipv4.Cidr range : ALLOWED) {
            if (range.prefix() <= cidr.prefix() && range.contains(cidr.network())) {
                return true;
            }
        }
        return false;
    }

    static String hex(String uuid) {
        return uuid.replace("-", "").toLowerCase(Locale.ROOT).substring(0, UUID_CHARS);
    }

    public static String bridgeName(String networkUuid) {
        return "sp" + hex(networkUuid);
    }

    /** The Docker network on the bridge: the engine's view of the same guest network. */
    public String dockerNetwork() {
        return "skyport-" + hex(networkUuid);
    }

    public int prefix() {
        return Ipv4.Cidr.parse(cidr).prefix();
    }
}
