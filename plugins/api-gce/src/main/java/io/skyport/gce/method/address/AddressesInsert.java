package io.skyport.gce.method.address;

import com.google.cloud.compute.v1.Address;
import com.google.cloud.compute.v1.InsertAddressRequest;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Addresses;
import io.skyport.gce.service.Descriptions;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.Operations;
import io.skyport.gce.service.ResourceNames;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

@ApiCommand(name = "compute.addresses.insert", api = "gce", description = "Reserves an external address: a public "
        + "IP of a zone of the region, allocated to the project's account.")
public class AddressesInsert extends GceOperation<InsertAddressRequest> {
    private final Addresses addresses;
    private final PublicIpService ips;
    private final Locations locations;
    private final Operations operations;
    private final TransactionTemplate tx;

    public AddressesInsert(Addresses addresses, PublicIpService ips, Locations locations, Operations operations,
                           TransactionTemplate tx) {
        super(InsertAddressRequest.getDefaultInstance());
        this.addresses = addresses;
        this.ips = ips;
        this.locations = locations;
        this.operations = operations;
        this.tx = tx;
    }

    @Override
    protected Message run(InsertAddressRequest r, GceCall call) {
        String region = r.getRegion();
        locations.checkRegion(call.project(), region);
        Address a = r.getAddressResource();
        ResourceNames.check("resource.name", a.getName());
        if (!a.getAddress().isEmpty()) {
            throw GceException.invalid("resource.address", a.getAddress(), "Choosing the IP is not supported: "
                    + "leave it out and a free one of the region is reserved.");
        }
        if (a.hasAddressType() && !Address.AddressType.EXTERNAL.name().equals(a.getAddressType())) {
            throw GceException.invalid("resource.addressType", a.getAddressType(), "Only EXTERNAL addresses are "
                    + "supported.");
        }
        if (a.hasIpVersion() && Address.IpVersion.IPV6.name().equals(a.getIpVersion())) {
            throw GceException.invalid("resource.ipVersion", a.getIpVersion(), "Only IPV4 addresses are supported.");
        }
        Descriptions.check(a.getDescription());
        String name = a.getName();
        String path = Addresses.path(region, name);
        if (addresses.find(call, region, name).isPresent() || operations.pendingInserts(call, "regions/" + region)
                .stream().anyMatch(p -> p.targetPath().equals(path))) {
            throw GceException.alreadyExists("projects/" + call.project() + "/" + path);
        }
        List<Zone> zones = locations.zonesOf(region);
        long id = Long.parseLong(GceIds.mint());
        // inserts of one name queue behind each other, so the job's own check sees an address an earlier one named
        String syncKey = "GceAddress:" + call.accountId() + ":" + path;
        return operations.submit(call, new Operations.Work("compute.addresses.insert", "regions/" + region, path, id,
                "IpAddress", null, syncKey), jobUuid -> {
                    if (addresses.find(call, region, name).isPresent()) {
                        throw new ApiException(ApiError.CONFLICT, "The resource 'projects/" + call.project() + "/"
                                + path + "' already exists");
                    }
                    reserve(call, zones, name, id, a.getDescription());
                    return null;
                });
    }

    /** Takes a free address of the first zone of the region that has one, and names it. */
    private void reserve(GceCall call, List<Zone> zones, String name, long id, String description) {
        ApiException exhausted = null;
        for (Zone z : zones) {
            try {
                tx.executeWithoutResult(s -> {
                    PublicIp ip = ips.associate(call.ctx(), call.accountId(), z.id());
                    addresses.name(ip, name, id, description);
                });
                return;
            } catch (ApiException e) {
                if (e.error() != ApiError.INSUFFICIENT_CAPACITY) {
                    throw e;
                }
                exhausted = e;
            }
        }
        throw exhausted != null ? exhausted : new ApiException(ApiError.INSUFFICIENT_CAPACITY, "The region has no "
                + "zone to reserve an address in");
    }
}
