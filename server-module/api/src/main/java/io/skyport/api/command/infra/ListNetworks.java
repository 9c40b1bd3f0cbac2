package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.NetworkView;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listNetworks", entity = "network", description = "Lists all available networks.")
public class ListNetworks extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "network", description = "list networks by ID")
    private Long id;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the zone ID of the network")
    private Long zoneId;

    @Param(name = "type", description = "the type of the network. Supported values are: isolated, l2, shared and all")
    private String type;

    @Param(name = "traffictype", description = "type of the traffic")
    private String trafficType;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final NetworkDao networks;
    private final InfraViews views;

    public ListNetworks(SettingReader settings, NetworkDao networks, InfraViews views) {
        super(settings);
        this.networks = networks;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        // zone-wide shared networks and the caller's own; administrators see every network
        Long owner = ctx.isAdmin() ? null : ctx.accountId();
        List<NetworkView> out = new ArrayList<>();
        for (Network n : networks.list(owner, id, zoneId, keyword())) {
            boolean typeMatches = type == null || "all".equalsIgnoreCase(type) || type.equalsIgnoreCase(n.networkType());
            if (typeMatches && (trafficType == null || trafficType.equalsIgnoreCase(n.trafficType()))) {
                out.add(views.network(n));
            }
        }
        return Pages.of("network", out, offset(), limit());
    }
}
