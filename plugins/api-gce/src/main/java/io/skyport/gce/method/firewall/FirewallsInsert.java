package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.InsertFirewallRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Operations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.firewalls.insert", api = "gce", description = "Creates a firewall: a security group of "
        + "the project's account with one rule per protocol, port range and range of the firewall.")
public class FirewallsInsert extends GceOperation<InsertFirewallRequest> {
    private final Firewalls firewalls;
    private final Operations operations;

    public FirewallsInsert(Firewalls firewalls, Operations operations) {
        super(InsertFirewallRequest.getDefaultInstance());
        this.firewalls = firewalls;
        this.operations = operations;
    }

    @Override
    protected Message run(InsertFirewallRequest r, GceCall call) {
        Firewall f = r.getFirewallResource();
        String name = f.getName();
        Firewalls.checkName(name);
        Firewalls.Spec spec = firewalls.spec(f);
        String path = Firewalls.path(name);
        if (firewalls.find(call, name).isPresent() || operations.pendingInserts(call, "global").stream()
                .anyMatch(p -> p.targetPath().equals(path))) {
            throw GceException.alreadyExists("projects/" + call.project() + "/" + path);
        }
        long id = Long.parseLong(GceIds.mint());
        // the core's unique group name refuses a second insert of the name that raced this one
        return operations.submit(call, new Operations.Work("compute.firewalls.insert", "global", path, id,
                "SecurityGroup", null, null), jobUuid -> {
                    firewalls.create(call.ctx(), name, spec, id);
                    return null;
                });
    }
}
