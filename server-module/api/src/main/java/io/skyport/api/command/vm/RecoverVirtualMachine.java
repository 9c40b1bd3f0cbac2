package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "recoverVirtualMachine", entity = "virtualmachine",
        description = "Recovers a virtual machine that was destroyed but not yet expunged.")
public class RecoverVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    private final VmOperations ops;
    private final VmJobs jobs;

    public RecoverVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        return jobs.views().vmResult(ops.recover(ctx, id));
    }
}
