package io.skyport.api.command.infra;

import io.skyport.core.catalog.CatalogService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteDiskOffering", roles = {Role.ADMIN}, description = "Deletes a disk offering.")
public class DeleteDiskOffering implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "diskoffering", required = true,
            description = "ID of the disk offering")
    private Long id;

    private final CatalogService catalog;

    public DeleteDiskOffering(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public Object execute(CallContext ctx) {
        catalog.deleteDiskOffering(ctx, id);
        return SuccessResponse.ok();
    }
}
