package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.ServiceOfferingView;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listServiceOfferings", entity = "serviceoffering", description = "Lists all available service "
        + "offerings.")
public class ListServiceOfferings extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "serviceoffering", description = "ID of the service offering")
    private Long id;

    @Param(name = "name", description = "name of the service offering")
    private String name;

    @Param(name = "issystem", type = ParamType.BOOLEAN, description = "is this a system vm offering")
    private Boolean isSystem;

    private final ServiceOfferingDao offerings;
    private final InfraViews views;

    public ListServiceOfferings(SettingReader settings, ServiceOfferingDao offerings, InfraViews views) {
        super(settings);
        this.offerings = offerings;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<ServiceOfferingView> out = new ArrayList<>();
        // Skyport runs no system VMs, so it has no system offerings to list
        if (!Boolean.TRUE.equals(isSystem)) {
            for (ServiceOffering o : offerings.list(id, name, keyword())) {
                out.add(views.serviceOffering(o));
            }
        }
        return Pages.of("serviceoffering", out, offset(), limit());
    }
}
