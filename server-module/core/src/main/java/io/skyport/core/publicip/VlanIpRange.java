package io.skyport.core.publicip;

import java.time.Instant;

/** A range of public addresses of a zone, on one VLAN. */
public record VlanIpRange(long id, String uuid, long zoneId, String vlan, String gateway, String netmask,
                          String startIp, String endIp, Instant created) {
}
