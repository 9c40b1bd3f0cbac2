package io.skyport.core.tag;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.Visibility;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.vm.ComputeResolvers;
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
    private final TagOwners owners;
    private final AccountDao accounts;
    private final ComputeResolvers access;

    public TagService(ResourceTagDao tags, ModuleRegistry registry, EventService events, TransactionTemplate tx,
                      TagOwners owners, AccountDao accounts, ComputeResolvers access) {
        this.tags = tags;
        this.registry = registry;
        this.events = events;
        this.tx = tx;
        this.owners = owners;
        this.accounts = accounts;
        this.access = access;
    }

    /** A resource to tag and the account that owns it (its tags belong to that account, as in CloudStack). */
    private record Target(String uuid, long id, long accountId, long domainId) {
    }

    private List<Target> resolve(CallContext caller, String type, List<String> resourceUuids) {
        var resolver = registry.resolver(ENTITIES.get(type)).orElseThrow(() -> new ApiException(
                ApiError.PARAM_ERROR, "resourcetype: " + type + " cannot be tagged here"));
        if (resourceUuids == null || resourceUuids.isEmpty()) {
            throw new ApiException(ApiError.PARAM_ERROR, "resourceids: at least one resource id is required");
        }
        List<Target> out = new ArrayList<>();
        for (String uuid : resourceUuids) {
            // another tenant's resource resolves to empty, so it reads exactly like an unknown id
            ApiException unknown = new ApiException(ApiError.PARAM_ERROR, "resourceids: unable to find resource by "
                    + "id " + uuid + " and type " + type);
            long id = resolver.resolve(uuid, caller).orElseThrow(() -> unknown);
            long accountId = owners.ownerOf(type, id).orElseThrow(() -> unknown);
            long domainId = accounts.findById(accountId).orElseThrow(() -> unknown).domainId();
            // public templates resolve for everyone, but only their owner (or an admin above it) tags them
            if (!access.owns(caller, accountId, domainId)) {
                throw unknown;
            }
            out.add(new Target(uuid, id, accountId, domainId));
        }
        return out;
    }

    public static String canonicalType(String resourceType) {
        for (String t : ENTITIES.keySet()) {
            if (t.equalsIgnoreCase(resourceType)) {
                return t;
            }
        }
        throw new ApiException(ApiError.PARAM_ERROR, "resourcetype: invalid value " + resourceType + "; use one of "
                + new java.util.TreeSet<>(ENTITIES.keySet()));
    }

    /**
     * Every rule createTags checks before anything changes: run before the job is queued, so bad
     * input is a 431 answer; run again by the job, where the unique key also catches races.
     */
    public void checkCreate(CallContext caller, String resourceType, List<String> resourceUuids,
                            Map<String, String> pairs) {
        if (pairs.isEmpty()) {
            throw new ApiException(ApiError.PARAM_ERROR, "tags: at least one tag (tags[0].key, tags[0].value) is "
                    + "required");
        }
        for (Map.Entry<String, String> t : pairs.entrySet()) {
            if (t.getKey() == null || t.getKey().isBlank() || t.getKey().length() > 255) {
                throw new ApiException(ApiError.PARAM_ERROR, "tags[].key: a tag key must have 1 to 255 characters");
            }
            if (t.getValue() == null || t.getValue().length() > 255) {
                throw new ApiException(ApiError.PARAM_ERROR, "tags[].value: tag " + t.getKey() + " needs a value of "
                        + "at most 255 characters");
            }
        }
        String type = canonicalType(resourceType);
        for (Target target : resolve(caller, type, resourceUuids)) {
            for (ResourceTag existing : tags.ofResources(type, List.of(target.id())).getOrDefault(target.id(),
                    List.of())) {
                if (pairs.containsKey(existing.key())) {
                    throw duplicate(existing.key(), target.uuid());
                }
            }
        }
    }

    private static ApiException duplicate(String key, String resourceUuid) {
        return new ApiException(ApiError.PARAM_ERROR, "tags[].key: a tag with key " + key + " already exists on "
                + "resource " + resourceUuid);
    }

    public void checkDelete(CallContext caller, String resourceType, List<String> resourceUuids) {
        resolve(caller, canonicalType(resourceType), resourceUuids);
    }

    public void create(CallContext caller, String resourceType, List<String> resourceUuids, Map<String, String> pairs) {
        checkCreate(caller, resourceType, resourceUuids, pairs);
        String type = canonicalType(resourceType);
        List<Target> targets = resolve(caller, type, resourceUuids);
        try {
            tx.executeWithoutResult(s -> {
                for (Target target : targets) {
                    for (Map.Entry<String, String> t : pairs.entrySet()) {
                        tags.insert(UUID.randomUUID().toString(), type, target.id(), target.uuid(), t.getKey(),
                                t.getValue(), target.accountId(), target.domainId());
                    }
                }
            });
        } catch (DuplicateKeyException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "tags[].key: a tag with one of these keys already exists on "
                    + "the resource");
        }
        for (Target target : targets) {
            events.record(caller, "CREATE_TAGS", "Tagged " + type + " with " + pairs.keySet(), type, target.uuid());
        }
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
        for (Target target : targets) {
            events.record(caller, "DELETE_TAGS", "Removed tags " + (pairs.isEmpty() ? "(all)" : pairs.keySet())
                    + " of " + type, type, target.uuid());
        }
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
