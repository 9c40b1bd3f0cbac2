package io.skyport.gce.method.region;

import com.google.cloud.compute.v1.Region;
import io.skyport.gce.GceCall;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Times;
import java.util.List;

/** A region: the zones whose names share its prefix. */
final class Regions {
    private Regions() {
    }

    static Region view(GceCall call, String name, Locations locations, GceIds ids) {
        List<io.skyport.core.infra.Zone> zones = locations.zonesOf(name);
        Region.Builder b = Region.newBuilder()
                .setKind("compute#region")
                .setId(ids.id("region", "region:" + name, 1))
                .setCreationTimestamp(Times.rfc3339(zones.get(0).created()))
                .setName(name)
                .setDescription(name)
                .setStatus(zones.stream().anyMatch(z -> "Enabled".equalsIgnoreCase(z.allocationState())) ? "UP" : "DOWN")
                .setSelfLink(call.regionLink(name));
        for (io.skyport.core.infra.Zone z : zones) {
            b.addZones(call.zoneLink(Locations.zoneName(z)));
        }
        return b.build();
    }
}
