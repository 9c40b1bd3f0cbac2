package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "destroyVirtualMachine", async = true, entity = "virtualmachine",
        description = "Destroys a virtual machine.")
public class DestroyVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    @Param(name = "expunge", type = ParamType.BOOLEAN, description = "If true is passed, the vm is expunged "
            + "immediately. False by default.")
    private Boolean expunge;

    private final VmOperations ops;
    private final VmJobs jobs;

    public DestroyVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (Boolean.TRUE.equals(expunge)) {
            return jobs.submitRaw(ctx, "destroyVirtualMachine", id, vmId -> {
                ops.destroy(ctx, vmId, true);
                return jobs.views().expungedResult();
            });
        }
        return jobs.submit(ctx, "destroyVirtualMachine", id, vmId -> ops.destroy(ctx, vmId, false));
    }
}
