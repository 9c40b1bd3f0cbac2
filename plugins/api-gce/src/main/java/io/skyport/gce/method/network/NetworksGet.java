package io.skyport.gce.method.network;

import com.google.cloud.compute.v1.GetNetworkRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.networks.get", api = "gce", description = "Returns the default network.")
public class NetworksGet extends GceOperation<GetNetworkRequest> {
    private final Catalog catalog;

    public NetworksGet(Catalog catalog) {
        super(GetNetworkRequest.getDefaultInstance());
        this.catalog = catalog;
    }

    @Override
    protected Message run(GetNetworkRequest r, GceCall call) {
        if (!Catalog.DEFAULT_NETWORK.equals(r.getNetwork())) {
            throw GceException.notFound("projects/" + call.project() + "/global/networks/" + r.getNetwork());
        }
        return catalog.network(call);
    }
}
