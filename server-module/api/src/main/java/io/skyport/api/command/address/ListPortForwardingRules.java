package io.skyport.api.command.address;

import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

/**
 * Skyport's zones are security-group zones without virtual routers, so there are no port
 * forwarding rules to list (CloudStack answers the same for such zones). Clients such as
 * libcloud list them while listing nodes.
 */
@ApiCommand(name = "listPortForwardingRules", entity = "portforwardingrule", description = "Lists all port forwarding "
        + "rules for an IP address.")
public class ListPortForwardingRules implements ApiOperation {
    @Param(name = "ipaddressid", type = ParamType.UUID, entity = "publicip", description = "the ID of IP address of "
            + "the port forwarding services")
    private Long ipId;

    @Override
    public Object execute(CallContext ctx) {
        return ListResponse.of("portforwardingrule", List.of());
    }
}
