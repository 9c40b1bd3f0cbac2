package io.skyport.ec2.action.volume;

import io.skyport.core.identity.Visibility;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.Tags;
import io.skyport.ec2.service.Volumes;
import io.skyport.ec2.view.Filters;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

@ApiCommand(name = "DescribeVolumes", api = "ec2", description = "Describes the caller's volumes.")
public class DescribeVolumes extends Ec2Action<DescribeVolumesRequest> {
    private static final Filters<software.amazon.awssdk.services.ec2.model.Volume> FILTERS =
            new Filters<software.amazon.awssdk.services.ec2.model.Volume>()
                    .on("volume-id", v -> v.volumeId()).on("availability-zone", v -> v.availabilityZone())
                    .on("status", v -> v.stateAsString()).on("size", v -> v.size())
                    .on("volume-type", v -> v.volumeTypeAsString()).on("create-time", v -> v.createTime())
                    .on("encrypted", v -> v.encrypted())
                    .onEach("attachment.instance-id", v -> v.attachments().stream().map(VolumeAttachment::instanceId)
                            .toList())
                    .onEach("attachment.device", v -> v.attachments().stream().map(VolumeAttachment::device).toList())
                    .onEach("attachment.status", v -> v.attachments().stream().map(VolumeAttachment::stateAsString)
                            .toList())
                    .tags(v -> v.tags());
    private final VolumeDao dao;
    private final Volumes volumes;
    private final ResourceTagDao tags;

    public DescribeVolumes(VolumeDao dao, Volumes volumes, ResourceTagDao tags) {
        super(DescribeVolumesRequest::builder);
        this.dao = dao;
        this.volumes = volumes;
        this.tags = tags;
    }

    @Override
    protected SdkPojo run(DescribeVolumesRequest request, CallContext ctx) {
        Predicate<software.amazon.awssdk.services.ec2.model.Volume> matches = FILTERS.matcher(request.filters());
        Paging page = Paging.of("DescribeVolumes", request.maxResults(), request.nextToken(), 5, 500);
        List<Volume> chosen = new ArrayList<>();
        for (String id : request.volumeIds()) {
            chosen.add(volumes.find(ctx, id));
        }
        if (!request.hasVolumeIds()) {
            chosen = dao.list(new VolumeDao.Query(new Visibility(ctx.domainPath(), ctx.accountId()), null, null, null,
                    null, null, null), 0, Integer.MAX_VALUE);
        }
        Map<Long, List<ResourceTag>> rows = tags.ofResources("Volume", chosen.stream().map(Volume::id).toList());
        List<software.amazon.awssdk.services.ec2.model.Volume> all = new ArrayList<>();
        for (Volume v : chosen) {
            software.amazon.awssdk.services.ec2.model.Volume view = volumes.view(v,
                    Tags.fromRows(rows.getOrDefault(v.id(), List.of())));
            if (matches.test(view)) {
                all.add(view);
            }
        }
        return DescribeVolumesResponse.builder().volumes(page.page(all))
                .nextToken(page.next("DescribeVolumes", all.size())).build();
    }
}
