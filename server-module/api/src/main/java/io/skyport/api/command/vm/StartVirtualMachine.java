package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "startVirtualMachine", async = true, entity = "virtualmachine",
        description = "Starts a virtual machine.")
public class StartVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    @Param(name = "hostid", type = ParamType.UUID, entity = "host", description = "destination Host ID to deploy the "
            + "VM to - parameter available for root admin only")
    private Long hostId;

    private final VmOperations ops;
    private final VmJobs jobs;

    public StartVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        Long host = ctx.isAdmin() ? hostId : null;
        return jobs.submit(ctx, "startVirtualMachine", id, vmId -> ops.start(ctx, vmId, host));
    }
}
