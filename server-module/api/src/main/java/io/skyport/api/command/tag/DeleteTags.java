package io.skyport.api.command.tag;

import io.skyport.api.NativeJobs;
import io.skyport.core.tag.TagService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;

@ApiCommand(name = "deleteTags", async = true, description = "Deletes resource tag(s)")
public class DeleteTags extends TagChange {
    private final TagService service;

    public DeleteTags(TagService service, NativeJobs jobs) {
        super(jobs);
        this.service = service;
    }

    @Override
    String command() {
        return "deleteTags";
    }

    @Override
    void check(CallContext ctx, String type, List<String> resourceIds, Map<String, String> tags) {
        service.checkDelete(ctx, type, resourceIds);
    }

    @Override
    void apply(CallContext ctx, String type, List<String> resourceIds, Map<String, String> tags) {
        service.delete(ctx, type, resourceIds, tags);
    }
}
