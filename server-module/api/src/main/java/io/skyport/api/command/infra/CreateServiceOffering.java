package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;

@ApiCommand(name = "createServiceOffering", entity = "serviceoffering", roles = {Role.ADMIN},
        description = "Creates a service offering.")
public class CreateServiceOffering implements ApiOperation {
    @Param(name = "name", required = true, description = "the name of the service offering")
    private String name;

    @Param(name = "displaytext", description = "The display text of the service offering, defaults to 'name'.")
    private String displayText;

    // CloudStack makes these optional for customizable offerings; Skyport's offerings are all fixed
    @Param(name = "cpunumber", type = ParamType.INTEGER, required = true, description = "the CPU number of the service "
            + "offering")
    private Integer cpuNumber;

    @Param(name = "cpuspeed", type = ParamType.INTEGER, required = true, description = "the CPU speed of the service "
            + "offering in MHz.")
    private Integer cpuSpeed;

    @Param(name = "memory", type = ParamType.INTEGER, required = true, description = "the total memory of the service "
            + "offering in MB")
    private Integer memory;

    @Param(name = "limitcpuuse", type = ParamType.BOOLEAN, description = "restrict the CPU usage to committed service "
            + "offering")
    private Boolean limitCpuUse;

    private final CatalogService catalog;
    private final InfraViews views;

    public CreateServiceOffering(CatalogService catalog, InfraViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (name.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Service offering name must not be empty");
        }
        ServiceOffering o = catalog.createServiceOffering(ctx, name, displayText, cpuNumber, cpuSpeed, memory,
                Boolean.TRUE.equals(limitCpuUse));
        return new EntityResponse("serviceoffering", views.serviceOffering(o));
    }
}
