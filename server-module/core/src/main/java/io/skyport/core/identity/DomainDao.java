package io.skyport.core.identity;

import io.skyport.core.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Domains form a tree; the path ({@code ROOT/child}) makes subtree queries index-friendly. */
public class DomainDao {
    static final String COLS = "id, uuid, name, parent_id, path, level, state, created";
    private final JdbcTemplate jdbc;

    public DomainDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Domain map(ResultSet rs, int n) throws SQLException {
        return mapPrefixed(rs, "");
    }

    /** @param p prefix of the column labels, for joins that alias them ({@link PrincipalDao}) */
    static Domain mapPrefixed(ResultSet rs, String p) throws SQLException {
        return new Domain(rs.getLong(p + "id"), rs.getString(p + "uuid"), rs.getString(p + "name"),
                Db.nullableLong(rs, p + "parent_id"), rs.getString(p + "path"), rs.getInt(p + "level"),
                rs.getString(p + "state"), Db.instant(rs, p + "created"));
    }

    public long insert(String uuid, String name, Long parentId, String path, int level) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO domains (uuid, name, parent_id, path, level, state, created) "
                    + "VALUES (?, ?, ?, ?, ?, 'Active', ?)", new String[] {"id"});
            ps.setString(1, uuid);
            ps.setString(2, name);
            ps.setObject(3, parentId);
            ps.setString(4, path);
            ps.setInt(5, level);
            ps.setObject(6, Db.ts(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Domain> findById(long id) {
        return jdbc.query("SELECT " + COLS + " FROM domains WHERE id = ? AND removed IS NULL", DomainDao::map, id)
                .stream().findFirst();
    }

    public Optional<Domain> findByUuid(String uuid) {
        return jdbc.query("SELECT " + COLS + " FROM domains WHERE uuid = ? AND removed IS NULL", DomainDao::map, uuid)
                .stream().findFirst();
    }

    public Optional<Domain> findByPath(String path) {
        return jdbc.query("SELECT " + COLS + " FROM domains WHERE path = ? AND removed IS NULL", DomainDao::map, path)
                .stream().findFirst();
    }

    /** The domain at {@code path} and all below it. */
    public List<Domain> listSubtree(String path, String name, int offset, int limit) {
        return jdbc.query("SELECT " + COLS + " FROM domains WHERE (path = ? OR path LIKE ?) AND removed IS NULL"
                        + (name == null ? "" : " AND name = ?") + " ORDER BY id LIMIT ? OFFSET ?",
                DomainDao::map, args(path, name, limit, offset));
    }

    public long countSubtree(String path, String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domains WHERE (path = ? OR path LIKE ?) AND removed IS NULL"
                + (name == null ? "" : " AND name = ?"), Long.class, args(path, name));
    }

    public boolean hasChildren(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domains WHERE parent_id = ? AND removed IS NULL",
                Long.class, id) > 0;
    }

    private static Object[] args(String path, String name, Object... tail) {
        List<Object> a = new java.util.ArrayList<>(List.of(path, path + "/%"));
        if (name != null) {
            a.add(name);
        }
        a.addAll(List.of(tail));
        return a.toArray();
    }
}
