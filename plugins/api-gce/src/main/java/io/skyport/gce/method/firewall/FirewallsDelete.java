package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.DeleteFirewallRequest;
import com.google.protobuf.Message;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.firewalls.delete", api = "gce", description = "Deletes a firewall that no instance uses.")
public class FirewallsDelete extends GceOperation<DeleteFirewallRequest> {
    private final Firewalls firewalls;
    private final Operations operations;
    private final GceIds ids;

    public FirewallsDelete(Firewalls firewalls, Operations operations, GceIds ids) {
        super(DeleteFirewallRequest.getDefaultInstance());
        this.firewalls = firewalls;
        this.operations = operations;
        this.ids = ids;
    }

    @Override
    protected Message run(DeleteFirewallRequest r, GceCall call) {
        SecurityGroup g = firewalls.findOrThrow(call, r.getFirewall());
        firewalls.inUse(g).ifPresent(why -> {
            throw Firewalls.inUse(why);
        });
        long id = ids.id(Firewalls.KIND, g.uuid(), g.accountId());
        return operations.submit(call, new Operations.Work("compute.firewalls.delete", "global",
                Firewalls.path(g.name()), id, "SecurityGroup", g.uuid(), "SecurityGroup:" + g.uuid()), jobUuid -> {
                    firewalls.delete(call.ctx(), g);
                    return null;
                });
    }
}
