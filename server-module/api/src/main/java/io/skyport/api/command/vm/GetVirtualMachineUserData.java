package io.skyport.api.command.vm;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

@ApiCommand(name = "getVirtualMachineUserData", entity = "virtualmachineuserdata",
        description = "Returns user data associated with the VM")
public class GetVirtualMachineUserData implements ApiOperation {
    @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm", required = true,
            description = "The ID of the virtual machine")
    private Long vmId;

    private final VmDao vms;

    public GetVirtualMachineUserData(VmDao vms) {
        this.vms = vms;
    }

    @Override
    public Object execute(CallContext ctx) {
        Vm vm = vms.find(vmId).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("virtualmachineid", vm.uuid());
        out.put("userdata", vm.userData());
        return new EntityResponse("virtualmachineuserdata", out);
    }
}
