package io.skyport.api.command.infra;

import io.skyport.api.view.infra.RegionView;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.config.ServerConfig;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "listRegions", entity = "region", description = "Lists Regions")
public class ListRegions implements ApiOperation {
    @Param(name = "id", type = ParamType.INTEGER, description = "List Region by region ID.")
    private Integer id;

    @Param(name = "name", description = "List Region by region name.")
    private String name;

    private final SettingReader settings;
    private final ServerConfig config;
    private final ManagementNode node;

    public ListRegions(SettingReader settings, ServerConfig config, ManagementNode node) {
        this.settings = settings;
        this.config = config;
        this.node = node;
    }

    @Override
    public Object execute(CallContext ctx) {
        String regionName = settings.get(InfraCommandsConfig.REGION_NAME);
        if ((id != null && id != 1) || (name != null && !name.equals(regionName))) {
            return ListResponse.of("region", List.of());
        }
        return ListResponse.of("region", List.of(new RegionView(1, regionName, endpoint(), true, false)));
    }

    /** This server's native API, at its configured public URL or else the address it listens on. */
    private String endpoint() {
        String address = node.address();
        int port = address == null ? config.port() : Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        return config.publicUrl(port) + "/client/api";
    }
}
