package io.skyport.gce.method.address;

import com.google.cloud.compute.v1.GetAddressRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Addresses;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.addresses.get", api = "gce", description = "Returns one address: a public IP of the "
        + "project's account in the region.")
public class AddressesGet extends GceOperation<GetAddressRequest> {
    private final Addresses addresses;
    private final Locations locations;

    public AddressesGet(Addresses addresses, Locations locations) {
        super(GetAddressRequest.getDefaultInstance());
        this.addresses = addresses;
        this.locations = locations;
    }

    @Override
    protected Message run(GetAddressRequest r, GceCall call) {
        locations.checkRegion(call.project(), r.getRegion());
        return addresses.views(call, List.of(addresses.findOrThrow(call, r.getRegion(), r.getAddress()))).get(0);
    }
}
