package io.skyport.core.tag;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.Visibility;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final ModuleRegistry registry;
    private final EventService events;
    private final TransactionTemplate tx;

    public TagService(JdbcTemplate jdbc, ModuleRegistry registry, EventService events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.events = events;
        this.tx = tx;
    }

    static ResourceTag map(ResultSet rs, int n) throws SQLException {
        return new ResourceTag(rs.getLong("id"), rs.getString("uuid"), rs.getString("resource_type"),
                rs.getLong("resource_id"), rs.getString("resource_uuid"), rs.getString("tag_key"),
                rs.getString("tag_value"), rs.getLong("account_id"), rs.getLong("domain_id"));
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

    public void create(CallContext caller, String resourceType, List<String> resourceUuids, Map<String, String> tags) {
        if (tags.isEmpty()) {
            throw new ApiException(ApiError.PARAM_ERROR, "At least one tag (tags[0].key, tags[0].value) is required");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
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
                    for (Map.Entry<String, String> t : tags.entrySet()) {
                        Rows.insert(jdbc, "INSERT INTO resource_tags (uuid, resource_type, resource_id, resource_uuid, "
                                        + "tag_key, tag_value, account_id, domain_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                UUID.randomUUID().toString(), type, target.id(), target.uuid(), t.getKey(), t.getValue(),
                                caller.accountId(), caller.domainId(), Instant.now());
                    }
                }
            });
        } catch (DuplicateKeyException e) {
            throw new ApiException(ApiError.CONFLICT, "A tag with one of these keys already exists on the resource");
        }
        events.record(caller, "CREATE_TAGS", "Tagged " + targets.size() + " " + type + " resource(s)", type, null);
    }

    /** Deletes the given keys (optionally only with the given values), or every tag when none are given. */
    public void delete(CallContext caller, String resourceType, List<String> resourceUuids, Map<String, String> tags) {
        String type = canonicalType(resourceType);
        List<Target> targets = resolve(caller, type, resourceUuids);
        tx.executeWithoutResult(s -> {
            for (Target target : targets) {
                if (tags.isEmpty()) {
                    jdbc.update("DELETE FROM resource_tags WHERE resource_type = ? AND resource_id = ?", type,
                            target.id());
                }
                for (Map.Entry<String, String> t : tags.entrySet()) {
                    if (t.getValue() == null) {
                        jdbc.update("DELETE FROM resource_tags WHERE resource_type = ? AND resource_id = ? "
                                + "AND tag_key = ?", type, target.id(), t.getKey());
                    } else {
                        jdbc.update("DELETE FROM resource_tags WHERE resource_type = ? AND resource_id = ? "
                                + "AND tag_key = ? AND tag_value = ?", type, target.id(), t.getKey(), t.getValue());
                    }
                }
            }
        });
        events.record(caller, "DELETE_TAGS", "Removed tags of " + targets.size() + " " + type + " resource(s)", type,
                null);
    }

    /** Filter of listTags; every field optional. */
    public record Query(String resourceType, String resourceUuid, String key, String value, String keyword) {
    }

    public List<ResourceTag> list(CallContext caller, Query q, int offset, int limit) {
        Rows.Where w = where(Visibility.of(caller), q, "SELECT t.*");
        return jdbc.query(w.sql() + " ORDER BY t.id LIMIT ? OFFSET ?", TagService::map, w.args(limit, offset));
    }

    public long count(CallContext caller, Query q) {
        Rows.Where w = where(Visibility.of(caller), q, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }

    private static Rows.Where where(Visibility v, Query q, String select) {
        Rows.Where w = new Rows.Where(select + " FROM resource_tags t JOIN domains d ON d.id = t.domain_id WHERE 1 = 1")
                .andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%")
                .and("t.account_id = ?", v.onlyAccountId())
                .and("t.resource_type = ?", q.resourceType() == null ? null : canonicalType(q.resourceType()))
                .and("t.resource_uuid = ?", q.resourceUuid()).and("t.tag_key = ?", q.key())
                .and("t.tag_value = ?", q.value());
        if (q.keyword() != null) {
            String like = Db.likeContains(q.keyword());
            w.andAlways("(t.tag_key LIKE ? OR t.tag_value LIKE ?)", like, like);
        }
        return w;
    }
}
