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

/** Hypervisor hosts with their capacity and what placed VMs reserve of it. */
@Repository
public class HostDao {
    private final JdbcTemplate jdbc;

    public HostDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Host host(ResultSet rs, int n) throws SQLException {
        return new Host(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("zone_id"),
                rs.getLong("pod_id"), rs.getLong("cluster_id"), rs.getString("hypervisor"), rs.getString("url"),
                rs.getString("status"), rs.getString("resource_state"), rs.getInt("cpus"), rs.getInt("cpu_speed"),
                rs.getLong("memory_bytes"), rs.getLong("cpu_used"), rs.getLong("memory_used"),
                Db.instant(rs, "last_ping"), Db.instant(rs, "created"));
    }

    public Optional<Host> host(long id) {
        return Rows.one(jdbc, "SELECT * FROM hosts WHERE id = ? AND removed IS NULL", HostDao::host, id);
    }

    public long insertHost(String uuid, String name, Cluster c, String url, int cpus, int cpuSpeed, long memoryBytes) {
        return Rows.insert(jdbc, "INSERT INTO hosts (uuid, name, zone_id, pod_id, cluster_id, hypervisor, url, status, "
                        + "resource_state, cpus, cpu_speed, memory_bytes, cpu_used, memory_used, last_ping, created) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'Up', 'Enabled', ?, ?, ?, 0, 0, ?, ?)",
                uuid, name, c.zoneId(), c.podId(), c.id(), c.hypervisor(), url, cpus, cpuSpeed, memoryBytes,
                Instant.now(), Instant.now());
    }

    public List<Host> hosts(Long id, Long zoneId, Long clusterId, String name, String hypervisor, String status) {
        Rows.Where w = new Rows.Where("SELECT * FROM hosts WHERE removed IS NULL")
                .and("id = ?", id).and("zone_id = ?", zoneId).and("cluster_id = ?", clusterId).and("name = ?", name)
                .and("hypervisor = ?", hypervisor).and("status = ?", status);
        return jdbc.query(w.sql() + " ORDER BY id", HostDao::host, w.args());
    }

    /** Usable hosts of a zone with room for the request, least loaded memory first. */
    public List<Host> candidates(long zoneId, long cpuMhz, long memoryBytes, List<Long> avoid) {
        StringBuilder sql = new StringBuilder("SELECT * FROM hosts WHERE removed IS NULL AND zone_id = ? "
                + "AND status = 'Up' AND resource_state = 'Enabled' AND cpus * cpu_speed - cpu_used >= ? "
                + "AND memory_bytes - memory_used >= ?");
        for (int i = 0; i < avoid.size(); i++) {
            sql.append(" AND id <> ?");
        }
        sql.append(" ORDER BY memory_used * 1.0 / memory_bytes, id");
        Object[] args = new Object[3 + avoid.size()];
        args[0] = zoneId;
        args[1] = cpuMhz;
        args[2] = memoryBytes;
        for (int i = 0; i < avoid.size(); i++) {
            args[3 + i] = avoid.get(i);
        }
        return jdbc.query(sql.toString(), HostDao::host, args);
    }

    /** Reserves capacity only if it is still free: the check and the update are one statement. */
    public boolean reserve(long hostId, long cpuMhz, long memoryBytes) {
        return jdbc.update("UPDATE hosts SET cpu_used = cpu_used + ?, memory_used = memory_used + ? WHERE id = ? "
                + "AND status = 'Up' AND resource_state = 'Enabled' AND cpus * cpu_speed - cpu_used >= ? "
                + "AND memory_bytes - memory_used >= ?", cpuMhz, memoryBytes, hostId, cpuMhz, memoryBytes) == 1;
    }

    public void release(long hostId, long cpuMhz, long memoryBytes) {
        jdbc.update("UPDATE hosts SET cpu_used = GREATEST(0, cpu_used - ?), memory_used = GREATEST(0, memory_used - ?) "
                + "WHERE id = ?", cpuMhz, memoryBytes, hostId);
    }

    /** Recomputes a host's reservations from the VMs placed on it (after recovery). */
    public void recomputeUsage(long hostId) {
        jdbc.update("UPDATE hosts SET cpu_used = (SELECT COALESCE(SUM(v.cpus * v.cpu_speed), 0) FROM vms v "
                + "WHERE v.host_id = ? AND v.removed IS NULL), memory_used = (SELECT COALESCE(SUM(v.memory_mb), 0) "
                + "* 1048576 FROM vms v WHERE v.host_id = ? AND v.removed IS NULL) WHERE id = ?", hostId, hostId, hostId);
    }

    public void setHostStatus(long hostId, String status) {
        jdbc.update("UPDATE hosts SET status = ?, last_ping = ? WHERE id = ?", status, Db.ts(Instant.now()), hostId);
    }

    public void setHostCapacity(long hostId, int cpus, int cpuSpeed, long memoryBytes) {
        jdbc.update("UPDATE hosts SET cpus = ?, cpu_speed = ?, memory_bytes = ? WHERE id = ?", cpus, cpuSpeed,
                memoryBytes, hostId);
    }

    public void removeHost(long hostId) {
        jdbc.update("UPDATE hosts SET removed = ? WHERE id = ?", Db.ts(Instant.now()), hostId);
    }

    public long countVmsOnHost(long hostId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vms WHERE host_id = ? AND removed IS NULL", Long.class, hostId);
    }
}
