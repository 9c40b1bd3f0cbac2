package io.skyport.core.infra;

import java.time.Instant;

public record Cluster(long id, String uuid, String name, long zoneId, long podId, String hypervisor,
                      String clusterType, String allocationState, Instant created) {
}
