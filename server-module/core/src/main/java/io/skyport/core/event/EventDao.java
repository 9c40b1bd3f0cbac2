package io.skyport.core.event;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import io.skyport.core.identity.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads recorded events, scoped like every tenant query: a user sees the events of its account,
 * a domain admin those of its domain subtree, an admin all. Newest first, as CloudStack lists them.
 */
@Repository
public class EventDao {
    private static final String FROM = " FROM events e JOIN accounts a ON a.id = e.account_id "
            + "JOIN domains d ON d.id = a.domain_id LEFT JOIN users u ON u.id = e.user_id WHERE 1 = 1";
    private final JdbcTemplate jdbc;

    public EventDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event with the names of the owner it was recorded for. */
    public record EventRow(long id, String uuid, String type, String level, String state, String description,
                           String accountName, String username, String domainUuid, String domainName,
                           String domainPath, String resourceType, String resourceUuid, Instant created) {
    }

    /** Filters of listEvents; null fields do not filter. */
    public record Query(Visibility visibility, String uuid, String type, String level, Instant start, Instant end,
                        String keyword) {
    }

    private static EventRow map(ResultSet rs, int n) throws SQLException {
        return new EventRow(rs.getLong("id"), rs.getString("uuid"), rs.getString("type"), rs.getString("level"),
                rs.getString("state"), rs.getString("description"), rs.getString("account_name"),
                rs.getString("username"), rs.getString("domain_uuid"), rs.getString("domain_name"),
                rs.getString("domain_path"), rs.getString("resource_type"), rs.getString("resource_uuid"),
                Db.instant(rs, "created"));
    }

    public List<EventRow> list(Query q, int offset, int limit) {
        Rows.Where w = where(q, "SELECT e.*, a.name AS account_name, u.username AS username, d.uuid AS domain_uuid, "
                + "d.name AS domain_name, d.path AS domain_path" + FROM);
        return jdbc.query(w.sql() + " ORDER BY e.id DESC LIMIT ? OFFSET ?", EventDao::map, w.args(limit, offset));
    }

    public long count(Query q) {
        Rows.Where w = where(q, "SELECT COUNT(*)" + FROM);
        Long n = jdbc.queryForObject(w.sql(), Long.class, w.args());
        return n == null ? 0 : n;
    }

    /**
     * When each of an account's resources last had an event of {@code type} (e.g. when each
     * volume was last attached); resources without one are absent.
     */
    public java.util.Map<String, Instant> lastOf(long accountId, String resourceType, java.util.Collection<String>
            resourceUuids, String type) {
        java.util.Map<String, Instant> out = new java.util.HashMap<>();
        if (resourceUuids.isEmpty()) {
            return out;
        }
        List<Object> args = new java.util.ArrayList<>(List.of(accountId, resourceType, type));
        args.addAll(resourceUuids);
        String marks = String.join(",", java.util.Collections.nCopies(resourceUuids.size(), "?"));
        jdbc.query("SELECT resource_uuid, MAX(created) AS created FROM events WHERE account_id = ? AND resource_type = ? "
                + "AND type = ? AND resource_uuid IN (" + marks + ") GROUP BY resource_uuid", rs -> {
                    out.put(rs.getString("resource_uuid"), Db.instant(rs, "created"));
                }, args.toArray());
        return out;
    }

    private static Rows.Where where(Query q, String base) {
        Visibility v = q.visibility();
        Rows.Where w = new Rows.Where(base).and("e.account_id = ?", v.onlyAccountId());
        if (v.onlyAccountId() == null && !"ROOT".equals(v.domainPath())) {
            w.andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%");
        }
        return w.and("e.uuid = ?", q.uuid()).and("e.type = ?", q.type()).and("e.level = ?", q.level())
                .and("e.created >= ?", q.start() == null ? null : Db.ts(q.start()))
                .and("e.created <= ?", q.end() == null ? null : Db.ts(q.end()))
                .and("e.description LIKE ?", q.keyword() == null ? null : Db.likeContains(q.keyword()));
    }
}
