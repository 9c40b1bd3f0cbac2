package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.NetworkOfferingView;
import io.skyport.api.view.infra.NetworkOfferings;
import io.skyport.api.write.Dates;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.Zone;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.SettingReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listNetworkOfferings", entity = "networkoffering", description = "Lists all available network "
        + "offerings.")
public class ListNetworkOfferings extends BaseListCommand implements ApiOperation {
    @Param(name = "id", description = "list network offerings by ID")
    private String id;

    @Param(name = "name", description = "list network offerings by name")
    private String name;

    @Param(name = "guestiptype", description = "list network offerings by guest type: shared, l2 or isolated")
    private String guestIpType;

    @Param(name = "traffictype", description = "list by traffic type")
    private String trafficType;

    private final ZoneDao zoneDao;

    public ListNetworkOfferings(SettingReader settings, ZoneDao zoneDao) {
        super(settings);
        this.zoneDao = zoneDao;
    }

    @Override
    public Object execute(CallContext ctx) {
        // the one offering exists since the first zone (with its default network) was created
        Instant created = zoneDao.zones(null, null, null).stream().map(Zone::created).findFirst().orElse(Instant.now());
        List<NetworkOfferingView> out = new ArrayList<>();
        if ((id == null || id.equals(NetworkOfferings.SHARED_SG_ID))
                && (name == null || name.equals(NetworkOfferings.SHARED_SG_NAME))
                && (guestIpType == null || "shared".equalsIgnoreCase(guestIpType))
                && (trafficType == null || "guest".equalsIgnoreCase(trafficType))
                && Pages.matches(keyword(), NetworkOfferings.SHARED_SG_NAME, NetworkOfferings.SHARED_SG_TEXT)) {
            out.add(NetworkOfferings.sharedWithSecurityGroups(Dates.format(created)));
        }
        return Pages.of("networkoffering", out, offset(), limit());
    }
}
