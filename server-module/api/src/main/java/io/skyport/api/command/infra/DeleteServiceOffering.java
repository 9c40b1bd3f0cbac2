package io.skyport.api.command.infra;

import io.skyport.core.catalog.CatalogService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteServiceOffering", roles = {Role.ADMIN}, description = "Deletes a service offering.")
public class DeleteServiceOffering implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "serviceoffering", required = true,
            description = "the ID of the service offering")
    private Long id;

    private final CatalogService catalog;

    public DeleteServiceOffering(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public Object execute(CallContext ctx) {
        catalog.deleteServiceOffering(ctx, id);
        return SuccessResponse.ok();
    }
}
