package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.ListGlobalOperationsRequest;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.OperationList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.globalOperations.list", api = "gce", description = "Lists the project's operations of the project's global resources.")
public class GlobalOperationsList extends GceOperation<ListGlobalOperationsRequest> {
    private final Operations operations;

    public GlobalOperationsList(Operations operations) {
        super(ListGlobalOperationsRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(ListGlobalOperationsRequest r, GceCall call) {
        String scope = "global";
        Pages.Page<Operation> page = Pages.filtered(operations.list(call, scope), r.getFilter(), r.getMaxResults(),
                r.getPageToken());
        return Pages.withToken(OperationList.newBuilder().setKind("compute#operationList")
                .setId("projects/" + call.project() + "/" + scope + "/operations").addAllItems(page.items())
                .setSelfLink(call.link(scope + "/operations")), page).build();
    }
}
