package io.skyport.api.command.address;

import io.skyport.api.command.BaseListCommand;
import io.skyport.core.identity.Visibility;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;

@ApiCommand(name = "listPublicIpAddresses", entity = "publicipaddress", description = "Lists all public IP addresses")
public class ListPublicIpAddresses extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "publicip", description = "lists IP address by ID")
    private Long id;

    @Param(name = "ipaddress", description = "lists the specified IP address")
    private String address;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "lists all public IP addresses by "
            + "zone ID")
    private Long zoneId;

    @Param(name = "isstaticnat", type = ParamType.BOOLEAN, description = "list only static NAT IP addresses")
    private Boolean staticNat;

    @Param(name = "associatednetworkid", type = ParamType.UUID, entity = "network", description = "lists all public "
            + "IP addresses associated to the network specified")
    private Long networkId;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final PublicIpDao ips;
    private final PublicIpViews views;

    public ListPublicIpAddresses(SettingReader settings, PublicIpDao ips, PublicIpViews views) {
        super(settings);
        this.ips = ips;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        if (!Boolean.TRUE.equals(listAll) && id == null) {
            v = new Visibility(v.domainPath(), ctx.accountId());
        }
        PublicIpDao.Query q = new PublicIpDao.Query(v, id, zoneId, address, staticNat, networkId, keyword());
        return new ListResponse<>("publicipaddress", ips.listAllocated(q, offset(), limit()).stream()
                .map(views::view).toList(), ips.countAllocated(q));
    }
}
