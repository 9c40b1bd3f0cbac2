package io.skyport.api.command.vm;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmOperations;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a VM wrote to its console (a container's log, its last 64 KiB), as EC2 GetConsoleOutput
 * and GCE getSerialPortOutput show it; empty for a VM that never ran.
 */
@ApiCommand(name = "getVMConsoleOutput", entity = "vmconsoleoutput", since = "0.1.0",
        related = "executeVirtualMachineCommand",
        description = "Returns what the virtual machine wrote to its console (for containers: their log)")
public class GetVMConsoleOutput implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true,
            description = "The ID of the virtual machine")
    private Long id;

    private final VmDao vms;
    private final VmOperations ops;

    public GetVMConsoleOutput(VmDao vms, VmOperations ops) {
        this.vms = vms;
        this.ops = ops;
    }

    @Override
    public Object execute(CallContext ctx) {
        Vm vm = vms.find(id).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", vm.uuid());
        out.put("output", ops.consoleOutput(vm));
        return new EntityResponse("vmconsoleoutput", out);
    }
}
