package io.skyport.ec2.action.tag;

import io.skyport.core.tag.TagService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.TaggedResources;
import io.skyport.ec2.service.TaggedResources.Target;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Removes tags: the given keys (only with the given value, if one is given), or all of them. */
@ApiCommand(name = "DeleteTags", api = "ec2", description = "Deletes tags of resources.")
public class DeleteTags extends Ec2Action<DeleteTagsRequest> {
    private final TaggedResources resources;
    private final TagService tags;
    private final TransactionTemplate tx;

    public DeleteTags(TaggedResources resources, TagService tags, TransactionTemplate tx) {
        super(DeleteTagsRequest::builder);
        this.resources = resources;
        this.tags = tags;
        this.tx = tx;
    }

    @Override
    protected SdkPojo run(DeleteTagsRequest request, CallContext ctx) {
        if (!request.hasResources() || request.resources().isEmpty()) {
            throw Ec2Exception.missing("ResourceId");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Tag t : request.tags()) {
            pairs.put(t.key(), t.value());
        }
        List<Target> targets = new ArrayList<>();
        for (String id : request.resources()) {
            targets.add(resources.resolve(ctx, id));
        }
        tx.executeWithoutResult(s -> {
            for (Target t : targets) {
                Map<String, String> stored = new LinkedHashMap<>(pairs);
                if (t.coreType().equals("UserVm") && (pairs.isEmpty() || pairs.containsKey("Name"))) {
                    stored.remove("Name");
                    resources.unname(ctx, t);
                    if (!pairs.isEmpty() && stored.isEmpty()) {
                        continue;
                    }
                }
                tags.delete(ctx, t.coreType(), List.of(t.uuid()), stored);
            }
        });
        return DeleteTagsResponse.builder().build();
    }
}
