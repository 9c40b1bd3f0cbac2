package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.WaitGlobalOperationRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.globalOperations.wait", api = "gce", description = "Waits until the operation is DONE or about two minutes have passed, then returns it of the project's global resources.")
public class GlobalOperationsWait extends GceOperation<WaitGlobalOperationRequest> {
    private final Operations operations;

    public GlobalOperationsWait(Operations operations) {
        super(WaitGlobalOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(WaitGlobalOperationRequest r, GceCall call) {
        return operations.await(call, "global", r.getOperation());
    }
}
