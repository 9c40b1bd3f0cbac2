package io.skyport.gce.method.machinetype;

import com.google.cloud.compute.v1.GetMachineTypeRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.machineTypes.get", api = "gce", description = "Returns one machine type; predefined "
        + "names such as n1-standard-1 answer with the smallest offering that fits them.")
public class MachineTypesGet extends GceOperation<GetMachineTypeRequest> {
    private final Catalog catalog;
    private final Locations locations;

    public MachineTypesGet(Catalog catalog, Locations locations) {
        super(GetMachineTypeRequest.getDefaultInstance());
        this.catalog = catalog;
        this.locations = locations;
    }

    @Override
    protected Message run(GetMachineTypeRequest r, GceCall call) {
        locations.zoneOrThrow(call.project(), r.getZone());
        return catalog.offering(r.getMachineType()).map(o -> catalog.machineType(call, o, r.getZone()).toBuilder()
                        .setName(r.getMachineType()).setSelfLink(call.zoneLink(r.getZone(), "machineTypes",
                                r.getMachineType())).build())
                .orElseThrow(() -> GceException.notFound("projects/" + call.project() + "/zones/" + r.getZone()
                        + "/machineTypes/" + r.getMachineType()));
    }
}
