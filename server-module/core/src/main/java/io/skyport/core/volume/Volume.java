package io.skyport.core.volume;

import java.time.Instant;

/**
 * A volume row. {@code hostId} is the host that holds the volume's content when that content is
 * local to a host (container hosts); null until such a host first mounted it.
 */
public record Volume(long id, String uuid, String name, long accountId, long domainId, long zoneId, Long vmId,
                     Integer deviceId, Long diskOfferingId, String volumeType, long sizeBytes, String state,
                     Instant created, Long hostId) {
}
