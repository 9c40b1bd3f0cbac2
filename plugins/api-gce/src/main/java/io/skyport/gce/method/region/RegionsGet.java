package io.skyport.gce.method.region;

import com.google.cloud.compute.v1.GetRegionRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.regions.get", api = "gce", description = "Returns one region.")
public class RegionsGet extends GceOperation<GetRegionRequest> {
    private final Locations locations;
    private final GceIds ids;

    public RegionsGet(Locations locations, GceIds ids) {
        super(GetRegionRequest.getDefaultInstance());
        this.locations = locations;
        this.ids = ids;
    }

    @Override
    protected Message run(GetRegionRequest r, GceCall call) {
        locations.checkRegion(call.project(), r.getRegion());
        return Regions.view(call, r.getRegion(), locations, ids);
    }
}
