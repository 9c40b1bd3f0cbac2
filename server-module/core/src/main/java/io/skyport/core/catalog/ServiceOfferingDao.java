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
public class ServiceOfferingDao {
    private final JdbcTemplate jdbc;

    public ServiceOfferingDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static ServiceOffering map(ResultSet rs, int n) throws SQLException {
        return new ServiceOffering(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"),
                rs.getString("display_text"), rs.getInt("cpus"), rs.getInt("cpu_speed"), rs.getInt("memory_mb"),
                rs.getBoolean("limit_cpu_use"), rs.getString("storage_type"), Db.nullableLong(rs, "domain_id"),
                Db.instant(rs, "created"));
    }

    public long insert(String uuid, String name, String displayText, int cpus, int cpuSpeed, int memoryMb,
                       boolean limitCpuUse, String storageType) {
        return Rows.insert(jdbc, "INSERT INTO service_offerings (uuid, name, display_text, cpus, cpu_speed, memory_mb, "
                + "limit_cpu_use, storage_type, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", uuid, name, displayText,
                cpus, cpuSpeed, memoryMb, limitCpuUse, storageType, Instant.now());
    }

    public Optional<ServiceOffering> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM service_offerings WHERE id = ? AND removed IS NULL",
                ServiceOfferingDao::map, id);
    }

    public Optional<ServiceOffering> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM service_offerings WHERE uuid = ? AND removed IS NULL",
                ServiceOfferingDao::map, uuid);
    }

    public Optional<ServiceOffering> findByName(String name) {
        return Rows.one(jdbc, "SELECT * FROM service_offerings WHERE name = ? AND removed IS NULL ORDER BY id",
                ServiceOfferingDao::map, name);
    }

    public List<ServiceOffering> list(Long id, String name, String keyword) {
        Rows.Where w = new Rows.Where("SELECT * FROM service_offerings WHERE removed IS NULL")
                .and("id = ?", id).and("name = ?", name)
                .and("name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", ServiceOfferingDao::map, w.args());
    }

    public void remove(long id) {
        jdbc.update("UPDATE service_offerings SET removed = ? WHERE id = ?", Db.ts(Instant.now()), id);
    }
}
