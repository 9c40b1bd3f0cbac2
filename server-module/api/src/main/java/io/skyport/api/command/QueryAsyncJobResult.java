package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.JobService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import java.time.Duration;

@ApiCommand(name = "queryAsyncJobResult", description = "Retrieves the current status of asynchronous job.",
        entity = "asyncjobs")
public class QueryAsyncJobResult implements ApiOperation {
    @Param(name = "jobid", type = ParamType.UUID, required = true, description = "the ID of the asynchronous job")
    private String jobId;

    @Param(name = "wait", type = ParamType.INTEGER, description = "Skyport extension: seconds (at most "
            + "30) to wait for the job to finish before answering, so a client learns of the end when it comes "
            + "instead of polling; absent or 0 answers at once, as CloudStack does")
    private Integer waitSeconds;

    private final JobService jobs;
    private final ViewFactory views;

    public QueryAsyncJobResult(JobService jobs, ViewFactory views) {
        this.jobs = jobs;
        this.views = views;
    }

    static final int MAX_WAIT_SECONDS = 30;

    @Override
    public Object execute(CallContext ctx) {
        int wait = waitSeconds == null ? 0 : waitSeconds;
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new ApiException(ApiError.PARAM_ERROR, "wait must be 0 to " + MAX_WAIT_SECONDS + " seconds, not "
                    + wait);
        }
        AsyncJob job = jobs.visible(ctx, jobId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to execute API command queryasyncjobresult due to invalid value. Invalid parameter jobid value="
                        + jobId + " due to incorrect long value format, or entity does not exist or due to incorrect "
                        + "parameter annotation for the field in api cmd class."));
        if (wait > 0 && !job.done()) {
            // visible to the caller, checked above; the job service wakes this thread when the job ends
            job = jobs.await(jobId, Duration.ofSeconds(wait));
        }
        return views.job(job);
    }
}
