package io.skyport.gce.method.address;

import com.google.cloud.compute.v1.Address;
import com.google.cloud.compute.v1.AddressList;
import com.google.cloud.compute.v1.ListAddressesRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Addresses;
import io.skyport.gce.service.Locations;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.addresses.list", api = "gce", description = "Lists the addresses of a region: the "
        + "public IPs of the project's account in the region's zones.")
public class AddressesList extends GceOperation<ListAddressesRequest> {
    private final Addresses addresses;
    private final Locations locations;

    public AddressesList(Addresses addresses, Locations locations) {
        super(ListAddressesRequest.getDefaultInstance());
        this.addresses = addresses;
        this.locations = locations;
    }

    @Override
    protected Message run(ListAddressesRequest r, GceCall call) {
        locations.checkRegion(call.project(), r.getRegion());
        Pages.Page<Address> page = Pages.filtered(addresses.views(call, addresses.all(call, r.getRegion())),
                r.getFilter(), r.getMaxResults(), r.getPageToken());
        return Pages.withToken(AddressList.newBuilder().setKind("compute#addressList")
                .setId("projects/" + call.project() + "/regions/" + r.getRegion() + "/addresses")
                .addAllItems(page.items()).setSelfLink(call.regionLink(r.getRegion()) + "/addresses"), page).build();
    }
}
