package io.skyport.api.command.infra;

import io.skyport.api.NativeJobs;
import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.SuccessResponse;

@ApiCommand(name = "deleteTemplate", async = true, description = "Deletes a template from the system. All virtual "
        + "machines using the deleted template will not be affected.")
public class DeleteTemplate implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "template", required = true, description = "the ID of the "
            + "template")
    private Long id;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the ID of zone of the template "
            + "(Skyport deletes the template in every zone)")
    private Long zoneId;

    @Param(name = "forced", type = ParamType.BOOLEAN, description = "Force delete a template.")
    private Boolean forced;

    private final CatalogService catalog;
    private final TemplateDao templates;
    private final NativeJobs jobs;

    public DeleteTemplate(CatalogService catalog, TemplateDao templates, NativeJobs jobs) {
        this.catalog = catalog;
        this.templates = templates;
        this.jobs = jobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        String uuid = templates.find(id).orElseThrow().uuid();
        return jobs.submit(ctx, "deleteTemplate", "Template", uuid, false, () -> {
            catalog.deleteTemplate(ctx, id);
            return SuccessResponse.ok();
        });
    }
}
