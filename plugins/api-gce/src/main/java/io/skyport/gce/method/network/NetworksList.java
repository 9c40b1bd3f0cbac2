package io.skyport.gce.method.network;

import com.google.cloud.compute.v1.ListNetworksRequest;
import com.google.cloud.compute.v1.Network;
import com.google.cloud.compute.v1.NetworkList;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.networks.list", api = "gce", description = "Lists the project's networks: default.")
public class NetworksList extends GceOperation<ListNetworksRequest> {
    private final Catalog catalog;

    public NetworksList(Catalog catalog) {
        super(ListNetworksRequest.getDefaultInstance());
        this.catalog = catalog;
    }

    @Override
    protected Message run(ListNetworksRequest r, GceCall call) {
        Pages.Page<Network> page = Pages.filtered(List.of(catalog.network(call)), r.getFilter(), r.getMaxResults(),
                r.getPageToken());
        return Pages.withToken(NetworkList.newBuilder().setKind("compute#networkList").setId("projects/" + call.project()
                        + "/global/networks").addAllItems(page.items())
                .setSelfLink(call.link("global/networks")), page).build();
    }
}
