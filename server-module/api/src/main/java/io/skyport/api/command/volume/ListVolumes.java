package io.skyport.api.command.volume;

import io.skyport.api.command.BaseListCommand;
import io.skyport.core.identity.Visibility;
import io.skyport.core.volume.VolumeDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;

@ApiCommand(name = "listVolumes", entity = "volume", description = "Lists all volumes.")
public class ListVolumes extends BaseListCommand implements ApiOperation {
    @Param(name = "id", type = ParamType.UUID, entity = "volume", description = "the ID of the disk volume")
    private Long id;

    @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm", description = "the ID of the virtual "
            + "machine")
    private Long vmId;

    @Param(name = "type", description = "the type of disk volume (ROOT or DATADISK)")
    private String type;

    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", description = "the ID of the availability zone")
    private Long zoneId;

    @Param(name = "name", description = "the name of the disk volume")
    private String name;

    @Param(name = "listall", type = ParamType.BOOLEAN, description = "If set to false, list only resources belonging "
            + "to the command's caller; if set to true - list resources that the caller is authorized to see.")
    private Boolean listAll;

    private final VolumeDao volumes;
    private final VolumeViews views;

    public ListVolumes(SettingReader settings, VolumeDao volumes, VolumeViews views) {
        super(settings);
        this.volumes = volumes;
        this.views = views;
    }

    @Override
    public Object execute(CallContext ctx) {
        Visibility v = Visibility.of(ctx);
        if (!Boolean.TRUE.equals(listAll) && id == null && vmId == null) {
            v = new Visibility(v.domainPath(), ctx.accountId());
        }
        VolumeDao.Query q = new VolumeDao.Query(v, id, vmId, type, zoneId, name, keyword());
        return new ListResponse<>("volume", volumes.list(q, offset(), limit()).stream().map(views::view).toList(),
                volumes.count(q));
    }
}
