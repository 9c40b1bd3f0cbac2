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
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Adds or overwrites tags; on an instance, {@code Name} renames it in every API. */
@ApiCommand(name = "CreateTags", api = "ec2", description = "Adds or overwrites tags of resources.")
public class CreateTags extends Ec2Action<CreateTagsRequest> {
    private final TaggedResources resources;
    private final TagService tags;
    private final TransactionTemplate tx;

    public CreateTags(TaggedResources resources, TagService tags, TransactionTemplate tx) {
        super(CreateTagsRequest::builder);
        this.resources = resources;
        this.tags = tags;
        this.tx = tx;
    }

    @Override
    protected SdkPojo run(CreateTagsRequest request, CallContext ctx) {
        if (!request.hasResources() || request.resources().isEmpty()) {
            throw Ec2Exception.missing("ResourceId");
        }
        if (!request.hasTags() || request.tags().isEmpty()) {
            throw Ec2Exception.missing("Tag");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Tag t : request.tags()) {
            if (t.key() == null || t.key().isEmpty()) {
                throw Ec2Exception.missing("Tag.N.Key");
            }
            if (t.key().startsWith("aws:")) {
                throw Ec2Exception.invalid("Tag.N.Key", t.key(), "Tag keys starting with 'aws:' are reserved.");
            }
            pairs.put(t.key(), t.value() == null ? "" : t.value());
        }
        List<Target> targets = new ArrayList<>();
        for (String id : request.resources()) {
            targets.add(resources.resolve(ctx, id));
        }
        tx.executeWithoutResult(s -> {
            for (Target t : targets) {
                Map<String, String> stored = new LinkedHashMap<>(pairs);
                if (t.coreType().equals("UserVm") && stored.containsKey("Name")) {
                    resources.rename(ctx, t, stored.remove("Name"));
                }
                if (stored.isEmpty()) {
                    continue;
                }
                // EC2 overwrites a key's value; the core keeps one value per key, so the old one goes first
                Map<String, String> keysOnly = new LinkedHashMap<>();
                stored.keySet().forEach(k -> keysOnly.put(k, null));
                tags.delete(ctx, t.coreType(), List.of(t.uuid()), keysOnly);
                tags.create(ctx, t.coreType(), List.of(t.uuid()), stored);
            }
        });
        return CreateTagsResponse.builder().build();
    }
}
