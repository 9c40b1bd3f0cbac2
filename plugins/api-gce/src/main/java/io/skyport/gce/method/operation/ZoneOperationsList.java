package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.ListZoneOperationsRequest;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.OperationList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.zoneOperations.list", api = "gce", description = "Lists the project's operations of a zone.")
public class ZoneOperationsList extends GceOperation<ListZoneOperationsRequest> {
    private final Operations operations;

    public ZoneOperationsList(Operations operations) {
        super(ListZoneOperationsRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(ListZoneOperationsRequest r, GceCall call) {
        String scope = "zones/" + r.getZone();
        Pages.Page<Operation> page = Pages.filtered(operations.list(call, scope), r.getFilter(), r.getMaxResults(),
                r.getPageToken());
        return Pages.withToken(OperationList.newBuilder().setKind("compute#operationList")
                .setId("projects/" + call.project() + "/" + scope + "/operations").addAllItems(page.items())
                .setSelfLink(call.link(scope + "/operations")), page).build();
    }
}
