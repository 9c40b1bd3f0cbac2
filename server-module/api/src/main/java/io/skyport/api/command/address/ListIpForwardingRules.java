package io.skyport.api.command.address;

import io.skyport.api.command.BaseListCommand;
import io.skyport.core.identity.Visibility;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.ArrayList;
import java.util.List;

/** Static NAT is Skyport's only IP forwarding: one rule per static-NATed address. */
@ApiCommand(name = "listIpForwardingRules", entity = "ipforwardingrule", description = "List the IP forwarding rules")
public class ListIpForwardingRules extends BaseListCommand implements ApiOperation {
    @Param(name = "ipaddressid", type = ParamType.UUID, entity = "publicip", description = "list the rule belonging to "
            + "this public IP address")
    private Long ipId;

    @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm", description = "Lists all rules applied to "
            + "the specified VM.")
    private Long vmId;

    private final PublicIpDao ips;
    private final VmDao vms;

    public ListIpForwardingRules(SettingReader settings, PublicIpDao ips, VmDao vms) {
        super(settings);
        this.ips = ips;
        this.vms = vms;
    }

    /** One static NAT rule, in CloudStack's ipforwardingrule shape. */
    public record RuleView(String id, String ipaddressid, String ipaddress, String protocol, String startport,
                           String endport, String state, String virtualmachineid, String virtualmachinename,
                           String virtualmachinedisplayname, String cidrlist, List<Object> tags) {
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = new Visibility(Visibility.of(ctx).domainPath(), ctx.accountId());
        List<RuleView> out = new ArrayList<>();
        for (PublicIp ip : ips.listAllocated(new PublicIpDao.Query(v, ipId, null, null, true), offset(),
                limit())) {
            Vm vm = vms.find(ip.vmId()).orElse(null);
            if (vm == null || (vmId != null && vm.id() != vmId)) {
                continue;
            }
            out.add(new RuleView(ip.uuid(), ip.uuid(), ip.address(), "NAT", "1", "65535", "Active", vm.uuid(),
                    vm.name(), vm.displayName(), "", List.of()));
        }
        return ListResponse.of("ipforwardingrule", out);
    }
}
