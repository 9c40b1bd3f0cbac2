package io.skyport.ec2.action.tag;

import io.skyport.core.identity.Visibility;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.TaggedResources;
import io.skyport.ec2.view.Filters;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** The caller's tags, instance names included, one entry per resource and key. */
@ApiCommand(name = "DescribeTags", api = "ec2", description = "Describes the caller's tags.")
public class DescribeTags extends Ec2Action<DescribeTagsRequest> {
    private static final Filters<TagDescription> FILTERS = new Filters<TagDescription>()
            .on("key", TagDescription::key).on("value", TagDescription::value)
            .on("resource-id", TagDescription::resourceId).on("resource-type", TagDescription::resourceTypeAsString);
    private final ResourceTagDao tags;
    private final VmDao vms;
    private final Ec2Ids ids;

    public DescribeTags(ResourceTagDao tags, VmDao vms, Ec2Ids ids) {
        super(DescribeTagsRequest::builder);
        this.tags = tags;
        this.vms = vms;
        this.ids = ids;
    }

    @Override
    protected SdkPojo run(DescribeTagsRequest request, CallContext ctx) {
        Predicate<TagDescription> matches = FILTERS.matcher(request.filters());
        Paging page = Paging.of("DescribeTags", request.maxResults(), request.nextToken(), 5, 1000);
        List<TagDescription> all = new ArrayList<>();
        Visibility own = Ec2Instances.own(ctx);
        for (Vm vm : vms.list(new VmDao.Query(own, null, null, null, null, null, null, null, null), 0,
                Integer.MAX_VALUE)) {
            String instanceId = ids.of(Kind.INSTANCE, vm.uuid(), vm.accountId());
            String name = vm.displayName() != null ? vm.displayName() : vm.name();
            if (!name.equals(instanceId)) {
                add(all, matches, instanceId, "instance", "Name", name);
            }
        }
        Map<String, Map<String, Long>> uuidsByType = new LinkedHashMap<>();
        List<ResourceTag> rows = tags.list(own, new ResourceTagDao.Query(null, null, null, null, null), 0,
                Integer.MAX_VALUE);
        for (ResourceTag r : rows) {
            if (TaggedResources.kindOf(r.resourceType()) != null) {
                uuidsByType.computeIfAbsent(r.resourceType(), k -> new LinkedHashMap<>()).put(r.resourceUuid(),
                        r.accountId());
            }
        }
        Map<String, Map<String, String>> idsByType = new LinkedHashMap<>();
        uuidsByType.forEach((type, uuids) -> idsByType.put(type, ids.ofAll(TaggedResources.kindOf(type), uuids)));
        for (ResourceTag r : rows) {
            Map<String, String> known = idsByType.get(r.resourceType());
            // an instance's Name is its display name, shown above; a stored Name tag would contradict it
            boolean shadowed = "UserVm".equals(r.resourceType()) && "Name".equals(r.key());
            if (known != null && !shadowed) {
                add(all, matches, known.get(r.resourceUuid()), TaggedResources.ec2Type(r.resourceType()), r.key(),
                        r.value());
            }
        }
        return DescribeTagsResponse.builder().tags(page.page(all))
                .nextToken(page.next("DescribeTags", all.size())).build();
    }

    private static void add(List<TagDescription> out, Predicate<TagDescription> matches, String id, String type,
                            String key, String value) {
        TagDescription t = TagDescription.builder().resourceId(id).resourceType(type).key(key).value(value).build();
        if (matches.test(t)) {
            out.add(t);
        }
    }
}
