package io.skyport.api.command.tag;

import io.skyport.api.NativeJobs;
import io.skyport.core.tag.TagService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;
import java.util.List;
import java.util.Map;

@ApiCommand(name = "deleteTags", async = true, description = "Deletes resource tag(s)")
public class DeleteTags implements ApiOperation {
    @Param(name = "resourcetype", required = true, description = "type of the resource: UserVm, Volume, "
            + "SecurityGroup, PublicIpAddress, Template")
    private String resourceType;

    @Param(name = "resourceids", type = ParamType.LIST, required = true, description = "list of resources to delete "
            + "the tags for")
    private List<String> resourceIds;

    @Param(name = "tags", type = ParamType.MAP, description = "Map of tags (key/value pairs)")
    private List<Map<String, String>> tags;

    private final TagService service;
    private final NativeJobs jobs;

    public DeleteTags(TagService service, NativeJobs jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        Map<String, String> pairs = TagParams.of(tags);
        String type = TagService.canonicalType(resourceType);
        return jobs.submit(ctx, "deleteTags", "Tag", null, false, () -> {
            service.delete(ctx, type, resourceIds, pairs);
            return SuccessResponse.ok();
        });
    }
}
