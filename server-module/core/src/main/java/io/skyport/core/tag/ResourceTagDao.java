package io.skyport.core.tag;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import io.skyport.core.identity.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ResourceTagDao {
    private final JdbcTemplate jdbc;

    public ResourceTagDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static ResourceTag map(ResultSet rs, int n) throws SQLException {
        return new ResourceTag(rs.getLong("id"), rs.getString("uuid"), rs.getString("resource_type"),
                rs.getLong("resource_id"), rs.getString("resource_uuid"), rs.getString("tag_key"),
                rs.getString("tag_value"), rs.getLong("account_id"), rs.getLong("domain_id"));
    }

    public void insert(String uuid, String type, long resourceId, String resourceUuid, String key, String value,
                       long accountId, long domainId) {
        Rows.insert(jdbc, "INSERT INTO resource_tags (uuid, resource_type, resource_id, resource_uuid, tag_key, "
                        + "tag_value, account_id, domain_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", uuid, type,
                resourceId, resourceUuid, key, value, accountId, domainId, Instant.now());
    }

    /** Deletes a resource's tags: all of them, those with a key, or those with a key and value. */
    public void delete(String type, long resourceId, String key, String value) {
        // the type and id bind in the WHERE clause's order, ahead of the optional key and value
        Rows.Where w = new Rows.Where("DELETE FROM resource_tags WHERE 1 = 1").andAlways("resource_type = ?", type)
                .andAlways("resource_id = ?", resourceId).and("tag_key = ?", key).and("tag_value = ?", value);
        jdbc.update(w.sql(), w.args());
    }

    /** Tags of several resources of one type, by resource id, in creation order. */
    public Map<Long, List<ResourceTag>> ofResources(String type, List<Long> ids) {
        Map<Long, List<ResourceTag>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT * FROM resource_tags WHERE resource_type = ? AND resource_id IN ("
                + io.skyport.core.db.Db.idList(ids) + ") ORDER BY id", rs -> {
                    out.computeIfAbsent(rs.getLong("resource_id"), k -> new ArrayList<>()).add(map(rs, 0));
                }, type);
        return out;
    }

    /** Ids of the resources of a type carrying key = value. */
    public List<Long> resourcesWith(String type, String key, String value) {
        return jdbc.queryForList("SELECT resource_id FROM resource_tags WHERE resource_type = ? AND tag_key = ? "
                + "AND tag_value = ?", Long.class, type, key, value);
    }

    /** Filter of tag listings; every field optional. */
    public record Query(String resourceType, String resourceUuid, String key, String value, String keyword) {
    }

    public List<ResourceTag> list(Visibility v, Query q, int offset, int limit) {
        Rows.Where w = where(v, q, "SELECT t.*");
        return jdbc.query(w.sql() + " ORDER BY t.id LIMIT ? OFFSET ?", ResourceTagDao::map, w.args(limit, offset));
    }

    public long count(Visibility v, Query q) {
        Rows.Where w = where(v, q, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }

    private static Rows.Where where(Visibility v, Query q, String select) {
        Rows.Where w = new Rows.Where(select + " FROM resource_tags t JOIN domains d ON d.id = t.domain_id WHERE 1 = 1")
                .andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%")
                .and("t.account_id = ?", v.onlyAccountId()).and("t.resource_type = ?", q.resourceType())
                .and("t.resource_uuid = ?", q.resourceUuid()).and("t.tag_key = ?", q.key())
                .and("t.tag_value = ?", q.value());
        if (q.keyword() != null) {
            String like = Db.likeContains(q.keyword());
            w.andAlways("(t.tag_key LIKE ? OR t.tag_value LIKE ?)", like, like);
        }
        return w;
    }
}
