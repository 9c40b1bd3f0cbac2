package io.skyport.gce.method.zone;

import com.google.cloud.compute.v1.GetZoneRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.zones.get", api = "gce", description = "Returns one zone.")
public class ZonesGet extends GceOperation<GetZoneRequest> {
    private final Locations locations;
    private final GceIds ids;

    public ZonesGet(Locations locations, GceIds ids) {
        super(GetZoneRequest.getDefaultInstance());
        this.locations = locations;
        this.ids = ids;
    }

    @Override
    protected Message run(GetZoneRequest r, GceCall call) {
        return Zones.view(call, locations.zoneOrThrow(call.project(), r.getZone()), ids);
    }
}
