package io.skyport.core.tag;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.Visibility;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resource tags (EC2 tags and, where the key is a valid label, GCE labels): validated, scoped to
 * the resources the caller may see, one value per key and resource.
 */
@Component
public class TagService {
    /** CloudStack resource type → the entity kind whose resolver checks existence and visibility. */
    private static final Map<String, String> ENTITIES = Map.of("UserVm", "vm", "Volume", "volume",
            "SecurityGroup", "securitygroup", "PublicIpAddress", "publicip", "Template", "template");

    private final ResourceTagDao tags;
    private final ModuleRegistry registry;
    private final EventService events;
    private final TransactionTemplate tx;

    public TagService(ResourceTagDao tags, ModuleRegistry registry, EventService events, TransactionTemplate tx) {
        this.tags = tags;
        this.registry = registry;
        this.events = events;
        this.tx = tx;
    }

    private record Target(String uuid, long id) {
    }

    private List<Target> resolve(CallContext caller, String resourceType, List<String> resourceUuids) {
        String canonical = canonicalType(resourceType);
        var resolver = registry.resolver(ENTITIES.get(canonical)).orElseThrow(() -> new ApiException(
                ApiError.PARAM_ERROR, "Resource type " + resourceType + " cannot be tagged here"));
        List<Target> out = new ArrayList<>();
        for (String uuid : resourceUuids) {
            long id = resolver.resolve(uuid, caller).orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR,
                    "Unable to find resource by id " + uuid + " and type " + canonical));
            out.add(new Target(uuid, id));
        }
        return out;
    }

    public static String canonicalType(String resourceType) {
        for (String t : ENTITIES.keySet()) {
            if (t.equalsIgnoreCase(resourceType)) {
                return t;
            }
        }
        throw new ApiException(ApiError.PARAM_ERROR, "Invalid resource type " + resourceType + "; use one of "
                + ENTITIES.keySet());
    }

    public void create(CallContext caller, String resourceType, List<String> resourceUuids, Map<String, String> pairs) {
        if (pairs.isEmpty()) {
            throw new ApiException(ApiError.PARAM_ERROR, "At least one tag (tags[0].key, tags[0].value) is required");
        }
        for (Map.Entry<String, String> t : pairs.entrySet()) {
            if (t.getKey() == null || t.getKey().isBlank() || t.getKey().length() > 255) {
                throw new ApiException(ApiError.PARAM_ERROR, "A tag key must have 1 to 255 characters");
            }
            if (t.getValue() == null || t.getValue().length() > 255) {
                throw new ApiException(ApiError.PARAM_ERROR, "Tag " + t.getKey() + " needs a value of at most 255 "
                        + "characters");
            }
        }
        String type = canonicalType(resourceType);
        List<Target> targets = resolve(caller, type, resourceUuids);
        try {
            tx.executeWithoutResult(s -> {
                for (Target target : targets) {
                    for (Map.Entry<String, String> t : pairs.entrySet()) {
                        tags.insert(UUID.randomUUID().toString(), type, target.id(), target.uuid(), t.getKey(),
                                t.getValue(), caller.accountId(), caller.domainId());
                    }
                }
            });
        } catch (DuplicateKeyException e) {
            throw new ApiException(ApiError.CONFLICT, "A tag with one of these keys already exists on the resource");
        }
        events.record(caller, "CREATE_TAGS", "Tagged " + targets.size() + " " + type + " resource(s)", type, null);
    }

    /** Deletes the given keys (optionally only with the given values), or every tag when none are given. */
    public void delete(CallContext caller, String resourceType, List<String> resourceUuids, Map<String, String> pairs) {
        String type = canonicalType(resourceType);
        List<Target> targets = resolve(caller, type, resourceUuids);
        tx.executeWithoutResult(s -> {
            for (Target target : targets) {
                if (pairs.isEmpty()) {
                    tags.delete(type, target.id(), null, null);
                }
                for (Map.Entry<String, String> t : pairs.entrySet()) {
                    tags.delete(type, target.id(), t.getKey(), t.getValue());
                }
            }
        });
        events.record(caller, "DELETE_TAGS", "Removed tags of " + targets.size() + " " + type + " resource(s)", type,
                null);
    }

    public List<ResourceTag> list(CallContext caller, ResourceTagDao.Query q, int offset, int limit) {
        return tags.list(Visibility.of(caller), canonical(q), offset, limit);
    }

    public long count(CallContext caller, ResourceTagDao.Query q) {
        return tags.count(Visibility.of(caller), canonical(q));
    }

    private static ResourceTagDao.Query canonical(ResourceTagDao.Query q) {
        return q.resourceType() == null ? q : new ResourceTagDao.Query(canonicalType(q.resourceType()),
                q.resourceUuid(), q.key(), q.value(), q.keyword());
    }
}
