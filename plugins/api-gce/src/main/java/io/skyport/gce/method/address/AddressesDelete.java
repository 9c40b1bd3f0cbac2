package io.skyport.gce.method.address;

import com.google.cloud.compute.v1.Address;
import com.google.cloud.compute.v1.DeleteAddressRequest;
import com.google.protobuf.Message;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Addresses;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.addresses.delete", api = "gce", description = "Releases an address no instance uses.")
public class AddressesDelete extends GceOperation<DeleteAddressRequest> {
    private final Addresses addresses;
    private final PublicIpService ips;
    private final Locations locations;
    private final Operations operations;

    public AddressesDelete(Addresses addresses, PublicIpService ips, Locations locations, Operations operations) {
        super(DeleteAddressRequest.getDefaultInstance());
        this.addresses = addresses;
        this.ips = ips;
        this.locations = locations;
        this.operations = operations;
    }

    @Override
    protected Message run(DeleteAddressRequest r, GceCall call) {
        locations.checkRegion(call.project(), r.getRegion());
        Addresses.Named a = addresses.findOrThrow(call, r.getRegion(), r.getAddress());
        Address view = addresses.views(call, List.of(a)).get(0);
        if (view.getUsersCount() > 0) {
            throw new GceException(GceError.RESOURCE_IN_USE, "The address resource '" + view.getSelfLink()
                    + "' is already being used by '" + view.getUsers(0) + "'");
        }
        return operations.submit(call, new Operations.Work("compute.addresses.delete", "regions/" + r.getRegion(),
                Addresses.path(r.getRegion(), a.name()), view.getId(), "IpAddress", a.ip().uuid(),
                "IpAddress:" + a.ip().uuid()), jobUuid -> {
                    ips.disassociate(call.ctx(), a.ip().id());
                    addresses.forget(a.ip());
                    return null;
                });
    }
}
