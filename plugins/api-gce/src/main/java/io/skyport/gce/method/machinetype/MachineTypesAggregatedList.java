package io.skyport.gce.method.machinetype;

import com.google.cloud.compute.v1.AggregatedListMachineTypesRequest;
import com.google.cloud.compute.v1.MachineTypeAggregatedList;
import com.google.cloud.compute.v1.MachineTypesScopedList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Filter;
import io.skyport.plugin.ApiCommand;
import java.util.function.Predicate;

@ApiCommand(name = "compute.machineTypes.aggregatedList", api = "gce", description = "Lists the machine types of "
        + "every zone, keyed zones/<zone>.")
public class MachineTypesAggregatedList extends GceOperation<AggregatedListMachineTypesRequest> {
    private final Catalog catalog;
    private final Locations locations;

    public MachineTypesAggregatedList(Catalog catalog, Locations locations) {
        super(AggregatedListMachineTypesRequest.getDefaultInstance());
        this.catalog = catalog;
        this.locations = locations;
    }

    @Override
    protected Message run(AggregatedListMachineTypesRequest r, GceCall call) {
        Predicate<Message> keep = Filter.parse(r.getFilter());
        MachineTypeAggregatedList.Builder out = MachineTypeAggregatedList.newBuilder()
                .setKind("compute#machineTypeAggregatedList").setId("projects/" + call.project() + "/aggregated/machineTypes")
                .setSelfLink(call.link("aggregated/machineTypes"));
        for (io.skyport.core.infra.Zone z : locations.all()) {
            String zone = Locations.zoneName(z);
            MachineTypesScopedList.Builder scoped = MachineTypesScopedList.newBuilder();
            catalog.offerings().stream().map(o -> catalog.machineType(call, o, zone)).filter(keep)
                    .forEach(scoped::addMachineTypes);
            out.putItems("zones/" + zone, scoped.build());
        }
        return out.build();
    }
}
