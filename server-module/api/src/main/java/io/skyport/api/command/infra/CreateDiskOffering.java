package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createDiskOffering", entity = "diskoffering", roles = {Role.ADMIN},
        description = "Creates a disk offering.")
public class CreateDiskOffering implements ApiOperation {
    @Param(name = "name", required = true, description = "name of the disk offering")
    private String name;

    @Param(name = "displaytext", description = "An alternate display text of the disk offering, defaults to 'name'.")
    private String displayText;

    @Param(name = "disksize", type = ParamType.LONG, description = "size of the disk offering in GB (1GB = "
            + "1,073,741,824 bytes)")
    private Long diskSize;

    @Param(name = "customized", type = ParamType.BOOLEAN, description = "whether disk offering size is custom or not")
    private Boolean customized;

    @Param(name = "storagetype", description = "the storage type of the disk offering. Values are local and shared.")
    private String storageType;

    private final CatalogService catalog;
    private final InfraViews views;

    public CreateDiskOffering(CatalogService catalog, InfraViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (name.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Disk offering name must not be empty");
        }
        if (storageType != null && !"shared".equalsIgnoreCase(storageType)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid storagetype " + storageType
                    + ": Skyport offers shared storage only");
        }
        boolean custom = Boolean.TRUE.equals(customized);
        if (!custom && diskSize == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Disksize is required for a non-customized disk offering");
        }
        DiskOffering d = catalog.createDiskOffering(ctx, name, displayText, custom ? 0 : diskSize, custom);
        return new EntityResponse("diskoffering", views.diskOffering(d));
    }
}
