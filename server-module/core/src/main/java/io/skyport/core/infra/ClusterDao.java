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

/** Clusters of a pod, one hypervisor type each. */
@Repository
public class ClusterDao {
    private final JdbcTemplate jdbc;

    public ClusterDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Cluster cluster(ResultSet rs, int n) throws SQLException {
        return new Cluster(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("zone_id"),
                rs.getLong("pod_id"), rs.getString("hypervisor"), rs.getString("cluster_type"),
                rs.getString("allocation_state"), Db.instant(rs, "created"));
    }

    public Optional<Cluster> cluster(long id) {
        return Rows.one(jdbc, "SELECT * FROM clusters WHERE id = ? AND removed IS NULL", ClusterDao::cluster, id);
    }

    public long insertCluster(String uuid, String name, long zoneId, long podId, String hypervisor) {
        return Rows.insert(jdbc, "INSERT INTO clusters (uuid, name, zone_id, pod_id, hypervisor, cluster_type, "
                + "allocation_state, created) VALUES (?, ?, ?, ?, ?, 'CloudManaged', 'Enabled', ?)",
                uuid, name, zoneId, podId, hypervisor, Instant.now());
    }

    public List<Cluster> clusters(Long id, Long zoneId, Long podId, String name, String hypervisor) {
        Rows.Where w = new Rows.Where("SELECT * FROM clusters WHERE removed IS NULL")
                .and("id = ?", id).and("zone_id = ?", zoneId).and("pod_id = ?", podId).and("name = ?", name)
                .and("hypervisor = ?", hypervisor);
        return jdbc.query(w.sql() + " ORDER BY id", ClusterDao::cluster, w.args());
    }
}
