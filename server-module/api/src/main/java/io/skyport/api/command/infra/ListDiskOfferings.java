package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.DiskOfferingView;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listDiskOfferings", entity = "diskoffering", description = "Lists all available disk offerings.")
public class ListDiskOfferings extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "diskoffering", description = "ID of the disk offering")
    private Long id;

    @Param(name = "name", description = "name of the disk offering")
    private String name;

    private final DiskOfferingDao offerings;
    private final InfraViews views;

    public ListDiskOfferings(SettingReader settings, DiskOfferingDao offerings, InfraViews views) {
        super(settings);
        this.offerings = offerings;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<DiskOfferingView> out = new ArrayList<>();
        for (DiskOffering o : offerings.list(id, name, keyword())) {
            out.add(views.diskOffering(o));
        }
        return Pages.of("diskoffering", out, offset(), limit());
    }
}
