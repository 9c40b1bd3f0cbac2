package io.skyport.api.command.volume;

import io.skyport.api.NativeJobs;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
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

    public VolumeJob(NativeJobs jobs, VolumeDao volumes, VolumeViews views) {
        this.jobs = jobs;
        this.volumes = volumes;
        this.views = views;
    }

    public AsyncJobSubmitted submit(CallContext ctx, String command, long volumeId, LongFunction<Volume> operation) {
        String uuid = volumes.find(volumeId).orElseThrow().uuid();
        return jobs.submit(ctx, command, "Volume", uuid, false,
                () -> new EntityResponse("volume", views.view(operation.apply(volumeId))));
    }
}
