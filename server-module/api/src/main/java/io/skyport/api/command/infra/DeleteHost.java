package io.skyport.api.command.infra;

import io.skyport.core.infra.InfraService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteHost", roles = {Role.ADMIN}, description = "Deletes a host.")
public class DeleteHost implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "host", required = true, description = "the host ID")
    private Long id;

    @Param(name = "forced", type = ParamType.BOOLEAN, description = "Force delete the host. All HA enabled vms running "
            + "on the host will be put to HA; HA disabled ones will be stopped")
    private Boolean forced;

    @Param(name = "forcedestroylocalstorage", type = ParamType.BOOLEAN, description = "Force destroy local storage on "
            + "this host (Skyport keeps no local storage: accepted and ignored)")
    private Boolean forceDestroyLocalStorage;

    private final InfraService infra;

    public DeleteHost(InfraService infra) {
        this.infra = infra;
    }

    @Override
    public Object execute(CallContext ctx) {
        infra.deleteHost(ctx, id, Boolean.TRUE.equals(forced));
        return SuccessResponse.ok();
    }
}
