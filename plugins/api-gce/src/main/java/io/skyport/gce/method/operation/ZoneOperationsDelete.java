package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.DeleteZoneOperationRequest;
import com.google.cloud.compute.v1.DeleteZoneOperationResponse;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.zoneOperations.delete", api = "gce", description = "Forgets an operation's record of a zone.")
public class ZoneOperationsDelete extends GceOperation<DeleteZoneOperationRequest> {
    private final Operations operations;

    public ZoneOperationsDelete(Operations operations) {
        super(DeleteZoneOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(DeleteZoneOperationRequest r, GceCall call) {
        operations.delete(call, "zones/" + r.getZone(), r.getOperation());
        return DeleteZoneOperationResponse.getDefaultInstance();
    }
}
