package io.skyport.api.command.tag;

import io.skyport.api.NativeJobs;
import io.skyport.core.tag.TagService;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;
import java.util.List;
import java.util.Map;

/** The parameters and job shared by createTags and deleteTags. */
abstract class TagChange implements ApiOperation {
    @Param(name = "resourcetype", required = true, description = "type of the resource: UserVm, Volume, "
            + "SecurityGroup, PublicIpAddress, Template")
    private String resourceType;

    @Param(name = "resourceids", type = ParamType.LIST, required = true, description = "list of resources the tags "
            + "are for")
    private List<String> resourceIds;

    @Param(name = "tags", type = ParamType.MAP, description = "Map of tags (key/value pairs)")
    private List<Map<String, String>> tags;

    private final NativeJobs jobs;

    TagChange(NativeJobs jobs) {
        this.jobs = jobs;
    }

    abstract String command();

    abstract void apply(CallContext ctx, String type, List<String> resourceIds, Map<String, String> tags);

    /** Parameter and visibility checks, run before the job is queued so bad input answers 431 at once. */
    abstract void check(CallContext ctx, String type, List<String> resourceIds, Map<String, String> tags);

    @Override
    public Object execute(CallContext ctx) {
        Map<String, String> pairs = TagParams.of(tags);
        String type = TagService.canonicalType(resourceType);
        check(ctx, type, resourceIds, pairs);
        return jobs.submit(ctx, command(), "Tag", null, false, () -> {
            apply(ctx, type, resourceIds, pairs);
            return SuccessResponse.ok();
        });
    }
}
