package io.skyport.core.infra;

import java.time.Instant;

public record Pod(long id, String uuid, String name, long zoneId, String gateway, String netmask, String startIp,
                  String endIp, String allocationState, Instant created) {
}
