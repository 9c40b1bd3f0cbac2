package io.skyport.ec2.service;

import io.skyport.core.tag.ResourceTag;
import io.skyport.ec2.Ec2Exception;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EC2 tags to and from the core's resource tags. */
public final class Tags {
    private Tags() {
    }

    /** The tags a create request asks for on its own resource type; other types are refused. */
    public static Map<String, String> of(List<TagSpecification> specs, String resourceType) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TagSpecification spec : specs) {
            if (!resourceType.equals(spec.resourceTypeAsString())) {
                throw Ec2Exception.invalid("TagSpecification.ResourceType", spec.resourceTypeAsString(),
                        "This operation tags resources of type " + resourceType + " only.");
            }
            for (Tag t : spec.tags()) {
                if (t.key() == null) {
                    throw Ec2Exception.missing("TagSpecification.N.Tag.N.Key");
                }
                out.put(t.key(), t.value() == null ? "" : t.value());
            }
        }
        return out;
    }

    public static List<Tag> list(Map<String, String> pairs) {
        List<Tag> out = new ArrayList<>(pairs.size());
        pairs.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }

    public static List<Tag> fromRows(List<ResourceTag> rows) {
        List<Tag> out = new ArrayList<>(rows.size());
        for (ResourceTag r : rows) {
            out.add(Tag.builder().key(r.key()).value(r.value()).build());
        }
        return out;
    }
}
