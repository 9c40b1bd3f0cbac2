package io.skyport.api.view.infra;

import io.skyport.api.view.infra.NetworkOfferingView.Provider;
import io.skyport.api.view.infra.NetworkOfferingView.Service;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Skyport's guest networks are all of one kind: shared, zone-wide, with security groups. They are
 * described by one fixed network offering (CloudStack's own name for that kind), with a stable id.
 */
public final class NetworkOfferings {
    public static final String SHARED_SG_NAME = "DefaultSharedNetworkOfferingWithSGService";
    public static final String SHARED_SG_TEXT = "Offering for Shared Security group enabled networks";
    public static final String SHARED_SG_ID = stableId("network-offering:" + SHARED_SG_NAME);

    private NetworkOfferings() {
    }

    /** The services of the offering; networks list the same ones with their capabilities. */
    public static List<Service> services() {
        return List.of(service("Dns", "VirtualRouter"), service("SecurityGroup", "SecurityGroupProvider"),
                service("UserData", "VirtualRouter"), service("Dhcp", "VirtualRouter"));
    }

    public static NetworkOfferingView sharedWithSecurityGroups(String created) {
        NetworkOfferingView o = new NetworkOfferingView();
        o.id = SHARED_SG_ID;
        o.name = SHARED_SG_NAME;
        o.displaytext = SHARED_SG_TEXT;
        o.created = created;
        o.service = services();
        return o;
    }

    /** Name-based ids for things Skyport has exactly one of and keeps no row for. */
    public static String stableId(String key) {
        return UUID.nameUUIDFromBytes(("skyport:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Service service(String name, String provider) {
        return new Service(name, List.of(new Provider(provider)));
    }
}
