package io.skyport.gce.method.zone;

import com.google.cloud.compute.v1.Zone;
import io.skyport.gce.GceCall;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Times;

/** A core zone as a GCE zone. */
final class Zones {
    private Zones() {
    }

    static Zone view(GceCall call, io.skyport.core.infra.Zone z, GceIds ids) {
        String name = Locations.zoneName(z);
        return Zone.newBuilder()
                .setKind("compute#zone")
                .setId(ids.id("zone", z.uuid(), 1))
                .setCreationTimestamp(Times.rfc3339(z.created()))
                .setName(name)
                .setDescription(z.description() == null || z.description().isEmpty() ? z.name() : z.description())
                .setStatus("Enabled".equalsIgnoreCase(z.allocationState()) ? "UP" : "DOWN")
                .setRegion(call.regionLink(Locations.regionOf(name)))
                .setSelfLink(call.zoneLink(name))
                .addAvailableCpuPlatforms("Skyport Simulated CPU")
                .setSupportsPzs(false)
                .build();
    }
}
