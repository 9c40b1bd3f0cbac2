package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.FirewallList;
import com.google.cloud.compute.v1.ListFirewallsRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.firewalls.list", api = "gce", description = "Lists the firewalls of the project: the "
        + "security groups of its account but the default one.")
public class FirewallsList extends GceOperation<ListFirewallsRequest> {
    private final Firewalls firewalls;

    public FirewallsList(Firewalls firewalls) {
        super(ListFirewallsRequest.getDefaultInstance());
        this.firewalls = firewalls;
    }

    @Override
    protected Message run(ListFirewallsRequest r, GceCall call) {
        Pages.Page<Firewall> page = Pages.filtered(firewalls.views(call, firewalls.all(call)), r.getFilter(),
                r.getMaxResults(), r.getPageToken());
        return Pages.withToken(FirewallList.newBuilder().setKind("compute#firewallList")
                .setId("projects/" + call.project() + "/global/firewalls").addAllItems(page.items())
                .setSelfLink(call.link("global/firewalls")), page).build();
    }
}
