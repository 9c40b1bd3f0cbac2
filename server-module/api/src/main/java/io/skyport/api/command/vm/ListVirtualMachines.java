package io.skyport.api.command.vm;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.VmView;
import io.skyport.core.identity.Visibility;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.skyport.core.tag.ResourceTagDao;

@ApiCommand(name = "listVirtualMachines", entity = "virtualmachine", description = "List the virtual machines owned by "
        + "the account.")
public class ListVirtualMachines extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", description = "the ID of the virtual machine")
    private Long id;

    @Param(name = "ids", type = ParamType.LIST, collectionType = ParamType.UUID, entity = "vm",
            description = "the IDs of the virtual machines, mutually exclusive with id")
    private List<Long> ids;

    @Param(name = "name", description = "name of the virtual machine (a substring match is not done)")
    private String name;

    @Param(name = "state", description = "state of the virtual machine. Possible values are: Running, Stopped, "
            + "Present, Destroyed, Expunged. Present is used for the state equal not destroyed.")
    private String state;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the availability zone ID")
    private Long zoneId;

    @Param(name = "hostid", type = ParamType.UUID, entity = "host", description = "the host ID")
    private Long hostId;

    @Param(name = "tags", type = ParamType.MAP, description = "List resources by tags (key/value pairs)")
    private List<Map<String, String>> tags;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final VmDao vms;
    private final VmJobs jobs;
    private final ResourceCounter counter;
    private final ResourceTagDao tagDao;

    public ListVirtualMachines(SettingReader settings, VmDao vms, VmJobs jobs, ResourceCounter counter,
                               ResourceTagDao tagDao) {
        super(settings);
        this.vms = vms;
        this.jobs = jobs;
        this.counter = counter;
        this.tagDao = tagDao;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        if (!ctx.isAdmin() && !Boolean.TRUE.equals(listAll)) {
            v = new Visibility(v.domainPath(), ctx.accountId());
        }
        VmDao.Query q = new VmDao.Query(v, id, ids, name, state(), zoneId, hostId, keyword(), taggedIds());
        List<Vm> page = vms.list(q, offset(), limit());
        List<VmView> views = jobs.views().vms().views(page);
        return new ListResponse<>("virtualmachine", views, total(q, v, page.size()));
    }

    /** Unfiltered listings take their total from the account counters instead of a COUNT over the table. */
    private long total(VmDao.Query q, Visibility v, int pageSize) {
        if (q.unfiltered() && offset() == 0 && pageSize < limit()) {
            return pageSize;
        }
        if (q.unfiltered() && v.onlyAccountId() != null) {
            return counter.count(v.onlyAccountId(), ResourceType.VM_ROWS);
        }
        if (q.unfiltered() && "ROOT".equals(v.domainPath())) {
            return counter.total(ResourceType.VM_ROWS);
        }
        return vms.count(q);
    }

    private String state() {
        if (state == null || "Present".equalsIgnoreCase(state)) {
            return null;
        }
        for (VmState s : VmState.values()) {
            if (s.name().equalsIgnoreCase(state)) {
                return s.name();
            }
        }
        throw new ApiException(ApiError.PARAM_ERROR, "Invalid state " + state);
    }

    /** VMs carrying every given tag; null when no tag filter is given. */
    private List<Long> taggedIds() {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        List<Long> out = null;
        for (Map<String, String> t : tags) {
            List<Long> match = tagDao.resourcesWith("UserVm", t.get("key"), t.get("value"));
            if (out == null) {
                out = new ArrayList<>(match);
            } else {
                out.retainAll(match);
            }
        }
        return out;
    }
}
