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

@Repository
public class DiskOfferingDao {
    private final JdbcTemplate jdbc;

    public DiskOfferingDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static DiskOffering map(ResultSet rs, int n) throws SQLException {
        return new DiskOffering(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"),
                rs.getString("display_text"), rs.getLong("disk_size_gb"), rs.getBoolean("is_customized"),
                rs.getString("storage_type"), Db.nullableLong(rs, "domain_id"), Db.instant(rs, "created"));
    }

    public long insert(String uuid, String name, String displayText, long diskSizeGb, boolean customized,
                       String storageType) {
        return Rows.insert(jdbc, "INSERT INTO disk_offerings (uuid, name, display_text, disk_size_gb, is_customized, "
                + "storage_type, created) VALUES (?, ?, ?, ?, ?, ?, ?)", uuid, name, displayText, diskSizeGb, customized,
                storageType, Instant.now());
    }

    public Optional<DiskOffering> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM disk_offerings WHERE id = ? AND removed IS NULL", DiskOfferingDao::map, id);
    }

    public Optional<DiskOffering> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM disk_offerings WHERE uuid = ? AND removed IS NULL", DiskOfferingDao::map,
                uuid);
    }

    public List<DiskOffering> list(Long id, String name, String keyword) {
        Rows.Where w = new Rows.Where("SELECT * FROM disk_offerings WHERE removed IS NULL")
                .and("id = ?", id).and("name = ?", name)
                .and("name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", DiskOfferingDao::map, w.args());
    }

    public void remove(long id) {
        jdbc.update("UPDATE disk_offerings SET removed = ? WHERE id = ?", Db.ts(Instant.now()), id);
    }
}
