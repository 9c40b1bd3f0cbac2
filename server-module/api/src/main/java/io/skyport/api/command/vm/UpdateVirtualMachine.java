package io.skyport.api.command.vm;

import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "updateVirtualMachine", entity = "virtualmachine", description = "Updates properties of a virtual "
        + "machine. The VM has to be stopped and restarted for the new properties to take effect.")
public class UpdateVirtualMachine implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true, description = "The ID of the virtual "
            + "machine")
    private Long id;

    @Param(name = "displayname", description = "user generated name")
    private String displayName;

    @Param(name = "name", description = "new host name of the vm. The VM has to be stopped/started for this update to "
            + "take affect")
    private String name;

    @Param(name = "userdata", length = 1_048_576, description = "an optional binary data that can be sent to the "
            + "virtual machine upon a successful deployment. This binary data must be base64 encoded.")
    private String userData;

    private final VmOperations ops;
    private final VmJobs jobs;

    public UpdateVirtualMachine(VmOperations ops, VmJobs jobs) {
        this.ops = ops;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        return jobs.views().vmResult(ops.update(ctx, id, displayName, name, userData));
    }
}
