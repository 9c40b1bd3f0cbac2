package io.skyport.api.command.infra;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.infra.InfraViews;
import io.skyport.api.view.infra.OsTypeView;
import io.skyport.core.catalog.OsType;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import java.util.ArrayList;
import java.util.List;

@ApiCommand(name = "listOsTypes", entity = "ostype", description = "Lists all supported OS types for this cloud.")
public class ListOsTypes extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "ostype", description = "list by Os type Id")
    private Long id;

    @Param(name = "description", description = "list os by description")
    private String description;

    @Param(name = "oscategoryid", description = "list by Os Category id")
    private String osCategoryId;

    private final OsTypeDao osTypes;
    private final InfraViews views;

    public ListOsTypes(SettingReader settings, OsTypeDao osTypes, InfraViews views) {
        super(settings);
        this.osTypes = osTypes;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        List<OsTypeView> out = new ArrayList<>();
        for (OsType o : osTypes.osTypes(id, description, keyword())) {
            OsTypeView v = views.osType(o);
            if (osCategoryId == null || osCategoryId.equals(v.oscategoryid())) {
                out.add(v);
            }
        }
        return Pages.of("ostype", out, offset(), limit());
    }
}
