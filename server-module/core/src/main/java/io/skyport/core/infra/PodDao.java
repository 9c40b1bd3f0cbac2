package io.skyport.core.infra;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Pods of a zone. */
@Repository
public class PodDao {
    private final JdbcTemplate jdbc;

    public PodDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Pod pod(ResultSet rs, int n) throws SQLException {
        return new Pod(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("zone_id"),
                rs.getString("gateway"), rs.getString("netmask"), rs.getString("start_ip"), rs.getString("end_ip"),
                rs.getString("allocation_state"), Db.instant(rs, "created"));
    }

    public Optional<Pod> pod(long id) {
        return Rows.one(jdbc, "SELECT * FROM pods WHERE id = ? AND removed IS NULL", PodDao::pod, id);
    }

    public long insertPod(String uuid, String name, long zoneId, String gateway, String netmask, String startIp,
                          String endIp) {
        return Rows.insert(jdbc, "INSERT INTO pods (uuid, name, zone_id, gateway, netmask, start_ip, end_ip, "
                + "allocation_state, created) VALUES (?, ?, ?, ?, ?, ?, ?, 'Enabled', ?)",
                uuid, name, zoneId, gateway, netmask, startIp, endIp, Instant.now());
    }

    public List<Pod> pods(Long id, Long zoneId, String name) {
        Rows.Where w = new Rows.Where("SELECT * FROM pods WHERE removed IS NULL")
                .and("id = ?", id).and("zone_id = ?", zoneId).and("name = ?", name);
        return jdbc.query(w.sql() + " ORDER BY id", PodDao::pod, w.args());
    }
}
