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

/** Zones, pods, clusters and hosts: the physical layout the orchestrator places VMs on. */
@Repository
public class InfraDao {
    private final JdbcTemplate jdbc;

    public InfraDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Zone zone(ResultSet rs, int n) throws SQLException {
        return new Zone(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getString("description"),
                rs.getString("network_type"), rs.getBoolean("security_groups_enabled"),
                rs.getString("allocation_state"), rs.getString("dns1"), rs.getString("dns2"),
                rs.getString("internal_dns1"), rs.getString("internal_dns2"), rs.getString("guest_cidr"),
                rs.getString("network_domain"), Db.instant(rs, "created"));
    }

    private static Pod pod(ResultSet rs, int n) throws SQLException {
        return new Pod(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("zone_id"),
                rs.getString("gateway"), rs.getString("netmask"), rs.getString("start_ip"), rs.getString("end_ip"),
                rs.getString("allocation_state"), Db.instant(rs, "created"));
    }

    private static Cluster cluster(ResultSet rs, int n) throws SQLException {
        return new Cluster(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("zone_id"),
                rs.getLong("pod_id"), rs.getString("hypervisor"), rs.getString("cluster_type"),
                rs.getString("allocation_state"), Db.instant(rs, "created"));
    }

    static Host host(ResultSet rs, int n) throws SQLException {
        return new Host(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("zone_id"),
                rs.getLong("pod_id"), rs.getLong("cluster_id"), rs.getString("hypervisor"), rs.getString("url"),
                rs.getString("status"), rs.getString("resource_state"), rs.getInt("cpus"), rs.getInt("cpu_speed"),
                rs.getLong("memory_bytes"), rs.getLong("cpu_used"), rs.getLong("memory_used"),
                Db.instant(rs, "last_ping"), Db.instant(rs, "created"));
    }

    public long insertZone(String uuid, String name, String description, boolean sgEnabled, String dns1, String dns2,
                           String internalDns1, String internalDns2, String guestCidr, String networkDomain) {
        return Rows.insert(jdbc, "INSERT INTO zones (uuid, name, description, network_type, security_groups_enabled, "
                        + "allocation_state, dns1, dns2, internal_dns1, internal_dns2, guest_cidr, network_domain, created) "
                        + "VALUES (?, ?, ?, 'Advanced', ?, 'Enabled', ?, ?, ?, ?, ?, ?, ?)",
                uuid, name, description, sgEnabled, dns1, dns2, internalDns1, internalDns2, guestCidr, networkDomain,
                Instant.now());
    }

    public long insertPod(String uuid, String name, long zoneId, String gateway, String netmask, String startIp,
                          String endIp) {
        return Rows.insert(jdbc, "INSERT INTO pods (uuid, name, zone_id, gateway, netmask, start_ip, end_ip, "
                + "allocation_state, created) VALUES (?, ?, ?, ?, ?, ?, ?, 'Enabled', ?)",
                uuid, name, zoneId, gateway, netmask, startIp, endIp, Instant.now());
    }

    public long insertCluster(String uuid, String name, long zoneId, long podId, String hypervisor) {
        return Rows.insert(jdbc, "INSERT INTO clusters (uuid, name, zone_id, pod_id, hypervisor, cluster_type, "
                + "allocation_state, created) VALUES (?, ?, ?, ?, ?, 'CloudManaged', 'Enabled', ?)",
                uuid, name, zoneId, podId, hypervisor, Instant.now());
    }

    public long insertHost(String uuid, String name, Cluster c, String url, int cpus, int cpuSpeed, long memoryBytes) {
        return Rows.insert(jdbc, "INSERT INTO hosts (uuid, name, zone_id, pod_id, cluster_id, hypervisor, url, status, "
                        + "resource_state, cpus, cpu_speed, memory_bytes, cpu_used, memory_used, last_ping, created) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'Up', 'Enabled', ?, ?, ?, 0, 0, ?, ?)",
                uuid, name, c.zoneId(), c.podId(), c.id(), c.hypervisor(), url, cpus, cpuSpeed, memoryBytes,
                Instant.now(), Instant.now());
    }

    public Optional<Zone> zone(long id) {
        return Rows.one(jdbc, "SELECT * FROM zones WHERE id = ? AND removed IS NULL", InfraDao::zone, id);
    }

    public Optional<Zone> zoneByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM zones WHERE uuid = ? AND removed IS NULL", InfraDao::zone, uuid);
    }

    public Optional<Zone> zoneByName(String name) {
        return Rows.one(jdbc, "SELECT * FROM zones WHERE name = ? AND removed IS NULL", InfraDao::zone, name);
    }

    public List<Zone> zones(Long id, String name, String keyword) {
        Rows.Where w = new Rows.Where("SELECT * FROM zones WHERE removed IS NULL")
                .and("id = ?", id).and("name = ?", name)
                .and("name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", InfraDao::zone, w.args());
    }

    public Optional<Pod> pod(long id) {
        return Rows.one(jdbc, "SELECT * FROM pods WHERE id = ? AND removed IS NULL", InfraDao::pod, id);
    }

    public List<Pod> pods(Long id, Long zoneId, String name) {
        Rows.Where w = new Rows.Where("SELECT * FROM pods WHERE removed IS NULL")
                .and("id = ?", id).and("zone_id = ?", zoneId).and("name = ?", name);
        return jdbc.query(w.sql() + " ORDER BY id", InfraDao::pod, w.args());
    }

    public Optional<Cluster> cluster(long id) {
        return Rows.one(jdbc, "SELECT * FROM clusters WHERE id = ? AND removed IS NULL", InfraDao::cluster, id);
    }

    public List<Cluster> clusters(Long id, Long zoneId, Long podId, String name, String hypervisor) {
        Rows.Where w = new Rows.Where("SELECT * FROM clusters WHERE removed IS NULL")
                .and("id = ?", id).and("zone_id = ?", zoneId).and("pod_id = ?", podId).and("name = ?", name)
                .and("hypervisor = ?", hypervisor);
        return jdbc.query(w.sql() + " ORDER BY id", InfraDao::cluster, w.args());
    }

    public Optional<Host> host(long id) {
        return Rows.one(jdbc, "SELECT * FROM hosts WHERE id = ? AND removed IS NULL", InfraDao::host, id);
    }

    public List<Host> hosts(Long id, Long zoneId, Long clusterId, String name, String hypervisor, String status) {
        Rows.Where w = new Rows.Where("SELECT * FROM hosts WHERE removed IS NULL")
                .and("id = ?", id).and("zone_id = ?", zoneId).and("cluster_id = ?", clusterId).and("name = ?", name)
                .and("hypervisor = ?", hypervisor).and("status = ?", status);
        return jdbc.query(w.sql() + " ORDER BY id", InfraDao::host, w.args());
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
        return jdbc.query(sql.toString(), InfraDao::host, args);
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
