package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.GetGlobalOperationRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.globalOperations.get", api = "gce", description = "Returns one operation of the project's global resources.")
public class GlobalOperationsGet extends GceOperation<GetGlobalOperationRequest> {
    private final Operations operations;

    public GlobalOperationsGet(Operations operations) {
        super(GetGlobalOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(GetGlobalOperationRequest r, GceCall call) {
        return operations.get(call, "global", r.getOperation());
    }
}
