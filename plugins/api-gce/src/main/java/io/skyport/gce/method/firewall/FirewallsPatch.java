package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.PatchFirewallRequest;
import com.google.protobuf.Message;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.firewalls.patch", api = "gce", description = "Changes the given fields of a firewall; "
        + "its rules are re-created from the result.")
public class FirewallsPatch extends GceOperation<PatchFirewallRequest> {
    private final Firewalls firewalls;
    private final Operations operations;
    private final GceIds ids;

    public FirewallsPatch(Firewalls firewalls, Operations operations, GceIds ids) {
        super(PatchFirewallRequest.getDefaultInstance());
        this.firewalls = firewalls;
        this.operations = operations;
        this.ids = ids;
    }

    @Override
    protected Message run(PatchFirewallRequest r, GceCall call) {
        SecurityGroup g = firewalls.findOrThrow(call, r.getFirewall());
        Firewall current = firewalls.view(call, g);
        return FirewallChanges.apply("compute.firewalls.patch", call, firewalls, operations, ids, g, current,
                FirewallChanges.merge(current, r.getFirewallResource()));
    }
}
