package io.skyport.core.network;

import java.time.Instant;

public record Network(long id, String uuid, String name, String displayText, long zoneId, Long accountId, String cidr,
                      String gateway, String networkType, String trafficType, String state, boolean isDefault,
                      Instant created) {
}
