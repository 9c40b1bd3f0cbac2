package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.VlanIpRangeView;
import io.skyport.core.publicip.VlanIpRange;
import io.skyport.core.publicip.VlanIpRangeDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listVlanIpRanges", entity = "vlaniprange", roles = {Role.ADMIN}, description = "Lists all VLAN IP "
        + "ranges.")
public class ListVlanIpRanges extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, description = "the ID of the VLAN IP range")
    private String id;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the Zone ID of the VLAN IP range")
    private Long zoneId;

    @Param(name = "vlan", description = "the ID or VID of the VLAN. Default is an \"untagged\" VLAN.")
    private String vlan;

    private final VlanIpRangeDao ranges;
    private final InfraViews views;

    public ListVlanIpRanges(SettingReader settings, VlanIpRangeDao ranges, InfraViews views) {
        super(settings);
        this.ranges = ranges;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Long rangeId = id == null ? null : ranges.findByUuid(id).map(VlanIpRange::id).orElse(-1L);
        String vlanId = vlan == null ? null : vlan.replace("vlan://", "");
        List<VlanIpRangeView> out = new ArrayList<>();
        for (VlanIpRange r : ranges.list(rangeId, zoneId, vlanId)) {
            out.add(views.vlan(r));
        }
        return Pages.of("vlaniprange", out, offset(), limit());
    }
}
