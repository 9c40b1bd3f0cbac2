package io.skyport.core.volume;

import java.time.Instant;

public record Volume(long id, String uuid, String name, long accountId, long domainId, long zoneId, Long vmId,
                     Integer deviceId, Long diskOfferingId, String volumeType, long sizeBytes, String state,
                     Instant created) {
}
