package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.DeleteRegionOperationRequest;
import com.google.cloud.compute.v1.DeleteRegionOperationResponse;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.regionOperations.delete", api = "gce", description = "Forgets an operation's record of a region.")
public class RegionOperationsDelete extends GceOperation<DeleteRegionOperationRequest> {
    private final Operations operations;

    public RegionOperationsDelete(Operations operations) {
        super(DeleteRegionOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(DeleteRegionOperationRequest r, GceCall call) {
        operations.delete(call, "regions/" + r.getRegion(), r.getOperation());
        return DeleteRegionOperationResponse.getDefaultInstance();
    }
}
