package io.skyport.api.command.vm;

import io.skyport.core.vm.VmExec;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.EntityResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command inside a running VM (a container's exec), for administrators. A command may
 * run for a while, so it is a job queued on the VM like every other VM operation; its result
 * holds the exit code and the beginning of what the command printed.
 */
@ApiCommand(name = "executeVirtualMachineCommand", async = true, entity = "virtualmachinecommand",
        roles = {Role.ADMIN}, since = "0.1.0", related = "getVMConsoleOutput",
        description = "Runs a command inside a running virtual machine (container hosts) and returns its exit code, "
                + "stdout and stderr (each cut to 64 KiB). The command line is recorded in a VM.EXEC event.")
public class ExecuteVirtualMachineCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "vm", required = true,
            description = "The ID of the virtual machine")
    private Long id;

    // not "command": that name is the API's own (command=executeVirtualMachineCommand)
    @Param(name = "program", required = true, length = 4096,
            description = "The program to run, e.g. /bin/sh or hostname; it is not run through a shell")
    private String program;

    @Param(name = "args", type = ParamType.MAP,
            description = "Its arguments in order, as args[0].value=-c&args[1].value=echo hi; each value is passed "
                    + "unchanged (commas and spaces included)")
    private List<Map<String, String>> args;

    private final VmExec exec;
    private final VmJobs jobs;

    public ExecuteVirtualMachineCommand(VmExec exec, VmJobs jobs) {
        this.exec = exec;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<String> argv = argv();
        exec.runnable(id);
        return jobs.submitRaw(ctx, "executeVirtualMachineCommand", id, vmId -> {
            VmExec.Outcome o = exec.exec(ctx, vmId, argv);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exitcode", o.exitCode());
            out.put("stdout", o.stdout());
            out.put("stderr", o.stderr());
            out.put("truncated", o.truncated());
            return new EntityResponse("virtualmachinecommand", out);
        });
    }

    private List<String> argv() {
        if (program == null || program.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to execute API command executevirtualmachinecommand "
                    + "due to missing parameter program");
        }
        List<String> argv = new ArrayList<>();
        argv.add(program);
        for (Map<String, String> a : args == null ? List.<Map<String, String>>of() : args) {
            String v = a.get("value");
            if (v == null) {
                throw new ApiException(ApiError.PARAM_ERROR, "Each args[n] needs a value: args[n].value=...");
            }
            argv.add(v);
        }
        return argv;
    }
}
