package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.ListRegionOperationsRequest;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.OperationList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.regionOperations.list", api = "gce", description = "Lists the project's operations of a region.")
public class RegionOperationsList extends GceOperation<ListRegionOperationsRequest> {
    private final Operations operations;

    public RegionOperationsList(Operations operations) {
        super(ListRegionOperationsRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(ListRegionOperationsRequest r, GceCall call) {
        String scope = "regions/" + r.getRegion();
        Pages.Page<Operation> page = Pages.filtered(operations.list(call, scope), r.getFilter(), r.getMaxResults(),
                r.getPageToken());
        return Pages.withToken(OperationList.newBuilder().setKind("compute#operationList")
                .setId("projects/" + call.project() + "/" + scope + "/operations").addAllItems(page.items())
                .setSelfLink(call.link(scope + "/operations")), page).build();
    }
}
