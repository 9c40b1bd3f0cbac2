package io.skyport.core.publicip;

import java.time.Instant;

/** A public address of a zone: Free, or Allocated to an account (and maybe static-NATed to a VM). */
public record PublicIp(long id, String uuid, long zoneId, long rangeId, String address, String state, Long accountId,
                       Long domainId, Long vmId, Instant allocated) {
}
