package io.skyport.api.command;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.job.JobService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;

@ApiCommand(name = "listAsyncJobs", description = "Lists all pending asynchronous jobs for the account.",
        entity = "asyncjobs")
public class ListAsyncJobs extends BaseListCommand implements ApiOperation {
    private final JobService jobs;
    private final ViewFactory views;

    public ListAsyncJobs(SettingReader settings, JobService jobs, ViewFactory views) {
        super(settings);
        this.jobs = jobs;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        var rows = jobs.list(ctx, offset(), limit());
        return new ListResponse<>("asyncjobs", rows.stream().map(views::job).toList(), jobs.count(ctx));
    }
}
