package io.skyport.core.catalog;

import java.time.Instant;

public record ServiceOffering(long id, String uuid, String name, String displayText, int cpus, int cpuSpeed,
                              int memoryMb, boolean limitCpuUse, String storageType, Long domainId, Instant created) {
}
