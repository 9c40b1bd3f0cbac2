package io.skyport.api.command.infra;

import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.TemplateView;
import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.OsType;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.response.ListResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApiCommand(name = "registerTemplate", entity = "template", description = "Registers an existing template into the "
        + "CloudStack cloud.")
public class RegisterTemplate implements ApiOperation {
    private static final Set<String> FORMATS = Set.of("QCOW2", "RAW", "VHD", "VHDX", "OVA", "VMDK", "TAR", "ISO",
            "CONTAINER");

    @Param(name = "name", required = true, description = "the name of the template")
    private String name;

    @Param(name = "displaytext", length = 4096, description = "The display text of the template, defaults to 'name'.")
    private String displayText;

    @Param(name = "url", required = true, length = 2048, description = "the URL of where the template is hosted")
    private String url;

    @Param(name = "format", required = true, description = "the format for the template. Possible values include "
            + "QCOW2, RAW, VHD and OVA (CONTAINER for a container image named by the image detail)")
    private String format;

    @Param(name = "hypervisor", required = true, description = "the target hypervisor for the template")
    private String hypervisor;

    @Param(name = "ostypeid", type = ParamType.UUID, entity = "ostype", description = "the ID of the OS Type that best "
            + "represents the OS of this template.")
    private Long osTypeId;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the ID of the zone the template is "
            + "to be hosted on")
    private Long zoneId;

    @Param(name = "zoneids", type = ParamType.LIST, description = "A list of zone ids where the template will be "
            + "hosted. Passing only -1 to this will cause the template to be registered as a cross zone template.")
    private List<String> zoneIds;

    @Param(name = "ispublic", type = ParamType.BOOLEAN, description = "true if the template is available to all accounts")
    private Boolean isPublic;

    @Param(name = "isfeatured", type = ParamType.BOOLEAN, description = "true if this template is a featured template")
    private Boolean isFeatured;

    @Param(name = "passwordenabled", type = ParamType.BOOLEAN, description = "true if the template supports the "
            + "password reset feature")
    private Boolean passwordEnabled;

    @Param(name = "details", type = ParamType.MAP, description = "Template details in key/value pairs: "
            + "details[0].image=<container image> names the image a container host runs")
    private List<Map<String, String>> details;

    private final CatalogService catalog;
    private final OsTypeDao osTypes;
    private final ZoneDao zoneDao;
    private final ModuleRegistry registry;
    private final InfraViews views;

    public RegisterTemplate(CatalogService catalog, OsTypeDao osTypes, ZoneDao zoneDao, ModuleRegistry registry,
                            InfraViews views) {
        this.catalog = catalog;
        this.osTypes = osTypes;
        this.zoneDao = zoneDao;
        this.registry = registry;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (name.isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Template name must not be empty");
        }
        String fmt = format.toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(fmt)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid format " + format + "; use one of " + FORMATS);
        }
        String hv = registry.driver(hypervisor).map(d -> d.hypervisorType()).orElseThrow(() ->
                new ApiException(ApiError.PARAM_ERROR, "Invalid hypervisor " + hypervisor));
        TemplateUrls.check(url);
        Long zone = zone();
        Template t = catalog.registerTemplate(ctx, new TemplateDao.NewTemplate(UUID.randomUUID().toString(), name,
                displayText == null || displayText.isBlank() ? name : displayText, ctx.accountId(), zone, osType(),
                fmt, hv, url, image(), Boolean.TRUE.equals(isPublic), Boolean.TRUE.equals(isFeatured),
                Boolean.TRUE.equals(passwordEnabled), 0));
        List<Zone> zones = zone == null ? zoneDao.zones(null, null, null) : List.of(zoneDao.zone(zone).orElseThrow());
        List<TemplateView> out = zones.stream().map(z -> views.template(t, z)).toList();
        return ListResponse.of("template", out);
    }

    /** The one zone of the template, or null for a cross-zone template (zoneids=-1). */
    private Long zone() {
        if (zoneIds == null || zoneIds.isEmpty()) {
            if (zoneId == null) {
                throw new ApiException(ApiError.PARAM_ERROR, "Either zoneid or zoneids is required");
            }
            return zoneId;
        }
        if (zoneIds.size() == 1 && "-1".equals(zoneIds.get(0))) {
            return null;
        }
        if (zoneIds.size() > 1) {
            throw new ApiException(ApiError.PARAM_ERROR, "Skyport registers a template in one zone or in all zones "
                    + "(zoneids=-1)");
        }
        return zoneDao.zoneByUuid(zoneIds.get(0)).map(Zone::id).orElseThrow(() ->
                new ApiException(ApiError.PARAM_ERROR, "Unable to find zone " + zoneIds.get(0) + " given in zoneids"));
    }

    /** The given OS type, else the generic "Other" one, as CloudStack defaults when none is given. */
    private long osType() {
        if (osTypeId != null) {
            return osTypeId;
        }
        List<OsType> all = osTypes.osTypes(null, null, null);
        return all.stream().filter(o -> "Other".equalsIgnoreCase(o.category())).findFirst()
                .or(() -> all.stream().findFirst()).map(OsType::id)
                .orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR, "ostypeid is required: no OS types exist"));
    }

    private String image() {
        if (details == null) {
            return null;
        }
        for (Map<String, String> d : details) {
            String image = d.get("image");
            if (image != null && !image.isBlank()) {
                return image.trim();
            }
        }
        return null;
    }
}
