package io.skyport.api.command.volume;

import io.skyport.api.NativeJobs;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.core.vm.VmDao;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.response.AsyncJobSubmitted;
import io.skyport.plugin.response.EntityResponse;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/** Runs a volume operation as a job queued behind earlier operations on the same volume. */
@Component
public class VolumeJob {
    private final NativeJobs jobs;
    private final VolumeDao volumes;
    private final VolumeViews views;
    private final VmDao vms;

    public VolumeJob(NativeJobs jobs, VolumeDao volumes, VolumeViews views, VmDao vms) {
        this.vms = vms;
        this.jobs = jobs;
        this.volumes = volumes;
        this.views = views;
    }

    public AsyncJobSubmitted submit(CallContext ctx, String command, long volumeId, LongFunction<Volume> operation) {
        String uuid = volumes.find(volumeId).orElseThrow().uuid();
        return jobs.submit(ctx, command, "Volume", uuid, false,
                () -> new EntityResponse("volume", views.view(operation.apply(volumeId))));
    }

    /**
     * Runs an attach or detach queued behind the VM's own jobs: on a container host it changes the
     * VM's container (Docker re-creates a stopped one), which must not interleave with a start or
     * stop of the same VM. Without a VM, it queues behind the volume's jobs.
     */
    public AsyncJobSubmitted submitOnVm(CallContext ctx, String command, long volumeId, Long vmId,
                                        LongFunction<Volume> operation) {
        String uuid = volumes.find(volumeId).orElseThrow().uuid();
        String syncKey = vmId == null ? "Volume:" + uuid : vms.find(vmId).map(vm -> "VirtualMachine:" + vm.uuid())
                .orElse("Volume:" + uuid);
        return jobs.submitQueued(ctx, command, "Volume", uuid, syncKey, false,
                job -> new EntityResponse("volume", views.view(operation.apply(volumeId))));
    }
}
