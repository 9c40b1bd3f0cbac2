package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.AggregatedListGlobalOperationsRequest;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.OperationAggregatedList;
import com.google.cloud.compute.v1.OperationsScopedList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.gce.view.Filter;
import io.skyport.plugin.ApiCommand;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

@ApiCommand(name = "compute.globalOperations.aggregatedList", api = "gce", description = "Lists the project's "
        + "operations of every scope, keyed zones/<zone>, regions/<region> and global.")
public class GlobalOperationsAggregatedList extends GceOperation<AggregatedListGlobalOperationsRequest> {
    private final Operations operations;

    public GlobalOperationsAggregatedList(Operations operations) {
        super(AggregatedListGlobalOperationsRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(AggregatedListGlobalOperationsRequest r, GceCall call) {
        Predicate<Message> keep = Filter.parse(r.getFilter());
        OperationAggregatedList.Builder out = OperationAggregatedList.newBuilder()
                .setKind("compute#operationAggregatedList").setId("projects/" + call.project()
                        + "/aggregated/operations").setSelfLink(call.link("aggregated/operations"));
        for (Map.Entry<String, List<Operation>> e : operations.listAll(call).entrySet()) {
            List<Operation> kept = e.getValue().stream().filter(keep).toList();
            if (!kept.isEmpty()) {
                out.putItems(e.getKey(), OperationsScopedList.newBuilder().addAllOperations(kept).build());
            }
        }
        return out.build();
    }
}
