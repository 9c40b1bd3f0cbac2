package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.WaitRegionOperationRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.regionOperations.wait", api = "gce", description = "Waits until the operation is DONE or about two minutes have passed, then returns it of a region.")
public class RegionOperationsWait extends GceOperation<WaitRegionOperationRequest> {
    private final Operations operations;

    public RegionOperationsWait(Operations operations) {
        super(WaitRegionOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(WaitRegionOperationRequest r, GceCall call) {
        return operations.await(call, "regions/" + r.getRegion(), r.getOperation());
    }
}
