package io.skyport.api.command.vm;

import io.skyport.api.NativeJobs;
import io.skyport.api.view.ComputeViews;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.response.AsyncJobSubmitted;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/** Runs a VM operation as a job queued behind earlier operations on the same VM. */
@Component
public class VmJobs {
    private final NativeJobs jobs;
    private final VmDao vms;
    private final ComputeViews views;

    public VmJobs(NativeJobs jobs, VmDao vms, ComputeViews views) {
        this.jobs = jobs;
        this.vms = vms;
        this.views = views;
    }

    /** Submits an operation whose job result is the VM. */
    public AsyncJobSubmitted submit(CallContext ctx, String command, long vmId, LongFunction<Vm> operation) {
        Vm vm = vms.find(vmId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM"));
        return jobs.submitForJob(ctx, command, "VirtualMachine", vm.uuid(), false,
                jobUuid -> views.vmResult(operation.apply(vmId), jobUuid));
    }

    /** Submits an operation with a result of its own shape. */
    public AsyncJobSubmitted submitRaw(CallContext ctx, String command, long vmId, LongFunction<Object> operation) {
        Vm vm = vms.find(vmId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM"));
        return jobs.submit(ctx, command, "VirtualMachine", vm.uuid(), false, () -> operation.apply(vmId));
    }

    public ComputeViews views() {
        return views;
    }
}
