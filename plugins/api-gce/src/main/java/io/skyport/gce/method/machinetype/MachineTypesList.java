package io.skyport.gce.method.machinetype;

import com.google.cloud.compute.v1.ListMachineTypesRequest;
import com.google.cloud.compute.v1.MachineType;
import com.google.cloud.compute.v1.MachineTypeList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.machineTypes.list", api = "gce", description = "Lists the machine types of a zone: "
        + "the service offerings.")
public class MachineTypesList extends GceOperation<ListMachineTypesRequest> {
    private final Catalog catalog;
    private final Locations locations;

    public MachineTypesList(Catalog catalog, Locations locations) {
        super(ListMachineTypesRequest.getDefaultInstance());
        this.catalog = catalog;
        this.locations = locations;
    }

    @Override
    protected Message run(ListMachineTypesRequest r, GceCall call) {
        locations.zoneOrThrow(call.project(), r.getZone());
        List<MachineType> all = catalog.offerings().stream().map(o -> catalog.machineType(call, o, r.getZone())).toList();
        Pages.Page<MachineType> page = Pages.filtered(all, r.getFilter(), r.getMaxResults(), r.getPageToken());
        return Pages.withToken(MachineTypeList.newBuilder().setKind("compute#machineTypeList")
                .setId("projects/" + call.project() + "/zones/" + r.getZone() + "/machineTypes")
                .addAllItems(page.items())
                .setSelfLink(call.zoneLink(r.getZone()) + "/machineTypes"), page).build();
    }
}
