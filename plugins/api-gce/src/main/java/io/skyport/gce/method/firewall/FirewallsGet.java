package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.GetFirewallRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Firewalls;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.firewalls.get", api = "gce", description = "Returns one firewall: a security group of "
        + "the project's account with its rules.")
public class FirewallsGet extends GceOperation<GetFirewallRequest> {
    private final Firewalls firewalls;

    public FirewallsGet(Firewalls firewalls) {
        super(GetFirewallRequest.getDefaultInstance());
        this.firewalls = firewalls;
    }

    @Override
    protected Message run(GetFirewallRequest r, GceCall call) {
        return firewalls.view(call, firewalls.findOrThrow(call, r.getFirewall()));
    }
}
