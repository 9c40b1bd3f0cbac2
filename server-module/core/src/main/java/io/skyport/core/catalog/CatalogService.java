package io.skyport.core.catalog;

import io.skyport.core.event.EventService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Offerings, templates and OS types: what VMs are made of. */
@Component
public class CatalogService {
    private final ServiceOfferingDao serviceOfferings;
    private final DiskOfferingDao diskOfferings;
    private final TemplateDao templates;
    private final OsTypeDao osTypes;
    private final EventService events;
    private final JdbcTemplate jdbc;

    public CatalogService(ServiceOfferingDao serviceOfferings, DiskOfferingDao diskOfferings, TemplateDao templates, OsTypeDao osTypes,
                          EventService events, JdbcTemplate jdbc) {
        this.serviceOfferings = serviceOfferings;
        this.diskOfferings = diskOfferings;
        this.templates = templates;
        this.osTypes = osTypes;
        this.events = events;
        this.jdbc = jdbc;
    }

    public ServiceOffering createServiceOffering(CallContext caller, String name, String displayText, int cpus,
                                                 int cpuSpeed, int memoryMb, boolean limitCpuUse) {
        requireAdmin(caller);
        if (cpus < 1 || cpus > 1024 || cpuSpeed < 1 || cpuSpeed > 100_000 || memoryMb < 32 || memoryMb > 16 * 1024 * 1024) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid offering: cpunumber 1..1024, cpuspeed 1..100000 MHz, "
                    + "memory 32 MB..16 TB");
        }
        long id = serviceOfferings.insert(UUID.randomUUID().toString(), name, displayText == null ? name : displayText,
                cpus, cpuSpeed, memoryMb, limitCpuUse, "shared");
        ServiceOffering o = serviceOfferings.find(id).orElseThrow();
        events.record(caller, "SERVICE.OFFERING.CREATE", "Created service offering " + name, "ServiceOffering", o.uuid());
        return o;
    }

    public void deleteServiceOffering(CallContext caller, long id) {
        requireAdmin(caller);
        ServiceOffering o = serviceOfferings.find(id).orElseThrow(() -> notFound("service offering"));
        serviceOfferings.remove(o.id());
        events.record(caller, "SERVICE.OFFERING.DELETE", "Deleted service offering " + o.name(), "ServiceOffering",
                o.uuid());
    }

    public DiskOffering createDiskOffering(CallContext caller, String name, String displayText, long sizeGb,
                                           boolean customized) {
        requireAdmin(caller);
        if (!customized && (sizeGb < 1 || sizeGb > 65_536)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid disk size " + sizeGb + " GB: use 1..65536, or "
                    + "customized=true");
        }
        long id = diskOfferings.insert(UUID.randomUUID().toString(), name, displayText == null ? name : displayText,
                customized ? 0 : sizeGb, customized, "shared");
        DiskOffering d = diskOfferings.find(id).orElseThrow();
        events.record(caller, "DISK.OFFERING.CREATE", "Created disk offering " + name, "DiskOffering", d.uuid());
        return d;
    }

    public void deleteDiskOffering(CallContext caller, long id) {
        requireAdmin(caller);
        DiskOffering d = diskOfferings.find(id).orElseThrow(() -> notFound("disk offering"));
        diskOfferings.remove(d.id());
        events.record(caller, "DISK.OFFERING.DELETE", "Deleted disk offering " + d.name(), "DiskOffering", d.uuid());
    }

    public Template registerTemplate(CallContext caller, TemplateDao.NewTemplate t) {
        if ((t.isPublic() || t.featured()) && !caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "Only administrators may register public or featured "
                    + "templates");
        }
        osTypes.osType(t.osTypeId()).orElseThrow(() -> notFound("OS type"));
        long id = templates.insert(t);
        Template tpl = templates.find(id).orElseThrow();
        events.record(caller, "TEMPLATE.CREATE", "Registered template " + tpl.name(), "Template", tpl.uuid());
        return tpl;
    }

    public void deleteTemplate(CallContext caller, long id) {
        Template t = templates.find(id).filter(tpl -> caller.isAdmin() || tpl.accountId() == caller.accountId())
                .orElseThrow(() -> notFound("template"));
        Long inUse = jdbc.queryForObject("SELECT COUNT(*) FROM vms WHERE template_id = ? AND removed IS NULL",
                Long.class, t.id());
        if (inUse != null && inUse > 0) {
            throw new ApiException(ApiError.INVALID_STATE, "Template " + t.name() + " is used by " + inUse + " VM(s)");
        }
        templates.remove(t.id());
        events.record(caller, "TEMPLATE.DELETE", "Deleted template " + t.name(), "Template", t.uuid());
    }

    private static void requireAdmin(CallContext caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "Only root administrators manage offerings");
        }
    }

    private static ApiException notFound(String what) {
        return new ApiException(ApiError.NOT_FOUND, "Unable to find " + what + " by id");
    }
}
