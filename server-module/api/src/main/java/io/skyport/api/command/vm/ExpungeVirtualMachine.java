package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "expungeVirtualMachine", async = true, description = "Expunge a virtual machine. Once expunged, "
        + "it cannot be recoverd.")
public class ExpungeVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    private final VmOperations ops;
    private final VmJobs jobs;

    public ExpungeVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        return jobs.submitRaw(ctx, "expungeVirtualMachine", id, vmId -> {
            ops.expunge(ctx, vmId);
            return SuccessResponse.ok();
        });
    }
}
