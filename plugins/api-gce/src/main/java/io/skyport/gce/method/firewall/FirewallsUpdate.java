package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.UpdateFirewallRequest;
import com.google.protobuf.Message;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.firewalls.update", api = "gce", description = "Replaces a firewall by the one given: "
        + "fields left out take their defaults.")
public class FirewallsUpdate extends GceOperation<UpdateFirewallRequest> {
    private final Firewalls firewalls;
    private final Operations operations;
    private final GceIds ids;

    public FirewallsUpdate(Firewalls firewalls, Operations operations, GceIds ids) {
        super(UpdateFirewallRequest.getDefaultInstance());
        this.firewalls = firewalls;
        this.operations = operations;
        this.ids = ids;
    }

    @Override
    protected Message run(UpdateFirewallRequest r, GceCall call) {
        SecurityGroup g = firewalls.findOrThrow(call, r.getFirewall());
        return FirewallChanges.apply("compute.firewalls.update", call, firewalls, operations, ids, g,
                firewalls.view(call, g), r.getFirewallResource());
    }
}
