package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.DeleteGlobalOperationRequest;
import com.google.cloud.compute.v1.DeleteGlobalOperationResponse;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.globalOperations.delete", api = "gce", description = "Forgets an operation's record of the project's global resources.")
public class GlobalOperationsDelete extends GceOperation<DeleteGlobalOperationRequest> {
    private final Operations operations;

    public GlobalOperationsDelete(Operations operations) {
        super(DeleteGlobalOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(DeleteGlobalOperationRequest r, GceCall call) {
        operations.delete(call, "global", r.getOperation());
        return DeleteGlobalOperationResponse.getDefaultInstance();
    }
}
