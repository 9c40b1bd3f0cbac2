package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.ZoneView;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.Zone;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listZones", entity = "zone", description = "Lists zones")
public class ListZones extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "zone", description = "the ID of the zone")
    private Long id;

    @Param(name = "name", description = "the name of the zone")
    private String name;

    @Param(name = "available", type = ParamType.BOOLEAN, description = "true if you want to retrieve all available "
            + "Zones. False if you only want to return the Zones from which you have at least one VM.")
    private Boolean available;

    @Param(name = "networktype", description = "the network type of the zone that the virtual machine belongs to")
    private String networkType;

    @Param(name = "showcapacities", type = ParamType.BOOLEAN, description = "flag to display the capacity of the zones")
    private Boolean showCapacities;

    private final ZoneDao zoneDao;
    private final InfraViews views;

    public ListZones(SettingReader settings, ZoneDao zoneDao, InfraViews views) {
        super(settings);
        this.zoneDao = zoneDao;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        // capacity is an administrator's figure; CloudStack shows it to root admins only
        boolean capacities = Boolean.TRUE.equals(showCapacities) && ctx.isAdmin();
        List<ZoneView> out = new ArrayList<>();
        for (Zone z : zoneDao.zones(id, name, keyword())) {
            if (networkType == null || networkType.equalsIgnoreCase(z.networkType())) {
                out.add(views.zone(z, ctx.isAdmin(), capacities));
            }
        }
        return Pages.of("zone", out, offset(), limit());
    }
}
