package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "stopVirtualMachine", async = true, entity = "virtualmachine",
        description = "Stops a virtual machine.")
public class StopVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    @Param(name = "forced", type = ParamType.BOOLEAN, description = "Force stop the VM (vm is marked as Stopped even "
            + "when command fails to be send to the backend, otherwise a force poweroff is attempted).")
    private Boolean forced;

    private final VmOperations ops;
    private final VmJobs jobs;

    public StopVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        boolean force = Boolean.TRUE.equals(forced);
        return jobs.submit(ctx, "stopVirtualMachine", id, vmId -> ops.stop(ctx, vmId, force));
    }
}
