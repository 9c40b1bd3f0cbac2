package io.skyport.core.infra;

import java.time.Instant;

public record Zone(long id, String uuid, String name, String description, String networkType,
                   boolean securityGroupsEnabled, String allocationState, String dns1, String dns2,
                   String internalDns1, String internalDns2, String guestCidr, String networkDomain, Instant created) {
}
