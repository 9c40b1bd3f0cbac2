package io.skyport.gce.method.operation;

import com.google.cloud.compute.v1.GetZoneOperationRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.zoneOperations.get", api = "gce", description = "Returns one operation of a zone.")
public class ZoneOperationsGet extends GceOperation<GetZoneOperationRequest> {
    private final Operations operations;

    public ZoneOperationsGet(Operations operations) {
        super(GetZoneOperationRequest.getDefaultInstance());
        this.operations = operations;
    }

    @Override
    protected Message run(GetZoneOperationRequest r, GceCall call) {
        return operations.get(call, "zones/" + r.getZone(), r.getOperation());
    }
}
