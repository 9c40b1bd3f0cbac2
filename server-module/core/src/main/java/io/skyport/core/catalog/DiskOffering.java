package io.skyport.core.catalog;

import java.time.Instant;

public record DiskOffering(long id, String uuid, String name, String displayText, long diskSizeGb,
                           boolean customized, String storageType, Long domainId, Instant created) {
}
