package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.GetRegionOperationRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.regionOperations.get", api = "gce", description = "Returns one operation of a region.")
public class RegionOperationsGet extends GceOperation<GetRegionOperationRequest> {
    private final Operations operations;

    public RegionOperationsGet(Operations operations) {
        super(GetRegionOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(GetRegionOperationRequest r, GceCall call) {
        return operations.get(call, "regions/" + r.getRegion(), r.getOperation());
    }
}
