package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.EventView;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.core.event.EventDao;
import io.skyport.core.identity.Visibility;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@ApiCommand(name = "listEvents", entity = "event", description = "A command to list events.")
public class ListEvents extends BaseListCommand implements ApiOperation {
    private static final Set<String> LEVELS = Set.of("INFO", "WARN", "ERROR");

    @Param(name = "id", type = ParamType.UUID, description = "the ID of the event")
    private String id;

    @Param(name = "type", description = "the event type (see event types)")
    private String type;

    @Param(name = "level", description = "the event level (INFO, WARN, ERROR)")
    private String level;

    @Param(name = "startdate", type = ParamType.DATE, description = "the start date range of the list you want to "
            + "retrieve (use format \"yyyy-MM-dd\" or the new format \"yyyy-MM-dd HH:mm:ss\")")
    private OffsetDateTime startDate;

    @Param(name = "enddate", type = ParamType.DATE, description = "the end date range of the list you want to retrieve "
            + "(use format \"yyyy-MM-dd\" or the new format \"yyyy-MM-dd HH:mm:ss\")")
    private OffsetDateTime endDate;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final EventDao events;
    private final InfraViews views;

    public ListEvents(SettingReader settings, EventDao events, InfraViews views) {
        super(settings);
        this.events = events;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        String lvl = level == null ? null : level.toUpperCase(Locale.ROOT);
        if (lvl != null && !LEVELS.contains(lvl)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid level " + level + "; use INFO, WARN or ERROR");
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new ApiException(ApiError.PARAM_ERROR, "enddate must not be before startdate");
        }
        Visibility v = Visibility.of(ctx);
        // as for VMs: a domain admin sees the subtree's events when asking with listall=true
        if (!ctx.isAdmin() && !Boolean.TRUE.equals(listAll)) {
            v = new Visibility(v.domainPath(), ctx.accountId());
        }
        EventDao.Query q = new EventDao.Query(v, id, type, lvl,
                startDate == null ? null : startDate.toInstant(), endDate == null ? null : endDate.toInstant(),
                keyword());
        List<EventView> page = events.list(q, offset(), limit()).stream().map(views::event).toList();
        return new ListResponse<>("event", page, events.count(q));
    }
}
