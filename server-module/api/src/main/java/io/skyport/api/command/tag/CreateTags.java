package io.skyport.api.command.tag;

import io.skyport.api.NativeJobs;
import io.skyport.core.tag.TagService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;

@ApiCommand(name = "createTags", async = true, description = "Creates resource tag(s)")
public class CreateTags extends TagChange {
    private final TagService service;

    public CreateTags(TagService service, NativeJobs jobs) {
        super(jobs);
        this.service = service;
    }

    @Override
    String command() {
        return "createTags";
    }

    @Override
    void check(CallContext ctx, String type, List<String> resourceIds, Map<String, String> tags) {
        service.checkCreate(ctx, type, resourceIds, tags);
    }

    @Override
    void apply(CallContext ctx, String type, List<String> resourceIds, Map<String, String> tags) {
        service.create(ctx, type, resourceIds, tags);
    }
}
