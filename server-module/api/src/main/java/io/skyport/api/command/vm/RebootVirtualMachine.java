package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "rebootVirtualMachine", async = true, entity = "virtualmachine",
        description = "Reboots a virtual machine.")
public class RebootVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    private final VmOperations ops;
    private final VmJobs jobs;

    public RebootVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        return jobs.submit(ctx, "rebootVirtualMachine", id, vmId -> ops.reboot(ctx, vmId));
    }
}
