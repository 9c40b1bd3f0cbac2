package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.job.JobService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;

@ApiCommand(name = "queryAsyncJobResult", description = "Retrieves the current status of asynchronous job.",
        entity = "asyncjobs")
public class QueryAsyncJobResult implements ApiOperation {
    @Param(name = "jobid", type = ParamType.UUID, required = true, description = "the ID of the asynchronous job")
    private String jobId;

    private final JobService jobs;
    private final ViewFactory views;

    public QueryAsyncJobResult(JobService jobs, ViewFactory views) {
        this.jobs = jobs;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        return views.job(jobs.visible(ctx, jobId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to execute API command queryasyncjobresult due to invalid value. Invalid parameter jobid value="
                        + jobId + " due to incorrect long value format, or entity does not exist or due to incorrect "
                        + "parameter annotation for the field in api cmd class.")));
    }
}
