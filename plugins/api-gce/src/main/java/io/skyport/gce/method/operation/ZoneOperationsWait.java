package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.WaitZoneOperationRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.zoneOperations.wait", api = "gce", description = "Waits until the operation is DONE or about two minutes have passed, then returns it of a zone.")
public class ZoneOperationsWait extends GceOperation<WaitZoneOperationRequest> {
    private final Operations operations;

    public ZoneOperationsWait(Operations operations) {
        super(WaitZoneOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(WaitZoneOperationRequest r, GceCall call) {
        return operations.await(call, "zones/" + r.getZone(), r.getOperation());
    }
}
