package io.skyport.gce.method.disk;

import com.google.cloud.compute.v1.Disk;
import io.skyport.core.infra.Zone;
import io.skyport.gce.GceCall;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The disks a zone lists: the account's volumes there, then the disks whose insert is still running. */
final class ZoneDisks {
    private ZoneDisks() {
    }

    static List<Disk> of(GceCall call, Disks disks, Operations operations, Zone zone) {
        String zoneName = Locations.zoneName(zone);
        List<Disk> out = new ArrayList<>(disks.views(call, disks.all(call, zone.id())));
        Map<String, Disk> creating = disks.creating(call, zoneName, operations.pendingInserts(call,
                "zones/" + zoneName));
        out.forEach(d -> creating.remove(d.getName()));
        out.addAll(creating.values());
        return out;
    }
}
