package io.skyport.core.catalog;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Guest OS types templates refer to. */
@Repository
public class OsTypeDao {
    private final JdbcTemplate jdbc;

    public OsTypeDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insertOsType(String uuid, String description, String category) {
        return Rows.insert(jdbc, "INSERT INTO os_types (uuid, description, category) VALUES (?, ?, ?)", uuid,
                description, category);
    }

    private static OsType osType(ResultSet rs, int n) throws SQLException {
        return new OsType(rs.getLong("id"), rs.getString("uuid"), rs.getString("description"), rs.getString("category"));
    }

    public Optional<OsType> osType(long id) {
        return Rows.one(jdbc, "SELECT * FROM os_types WHERE id = ?", OsTypeDao::osType, id);
    }

    public Optional<OsType> osTypeByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM os_types WHERE uuid = ?", OsTypeDao::osType, uuid);
    }

    public List<OsType> osTypes(Long id, String description, String keyword) {
        Rows.Where w = new Rows.Where("SELECT * FROM os_types WHERE 1 = 1").and("id = ?", id)
                .and("description = ?", description)
                .and("description LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", OsTypeDao::osType, w.args());
    }
}
