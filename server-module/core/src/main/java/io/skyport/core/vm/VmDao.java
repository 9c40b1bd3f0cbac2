package io.skyport.core.vm;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import io.skyport.core.identity.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class VmDao {
    private final JdbcTemplate jdbc;

    public VmDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Vm map(ResultSet rs, int n) throws SQLException {
        return new Vm(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getString("display_name"),
                rs.getLong("account_id"), rs.getLong("domain_id"), rs.getLong("zone_id"), Db.nullableLong(rs, "host_id"),
                Db.nullableLong(rs, "last_host_id"), rs.getLong("service_offering_id"), rs.getLong("template_id"),
                rs.getString("hypervisor"), rs.getInt("cpus"), rs.getInt("cpu_speed"), rs.getInt("memory_mb"),
                VmState.valueOf(rs.getString("state")), rs.getString("user_data"), rs.getString("keypairs"),
                rs.getLong("update_count"), Db.instant(rs, "created"), Db.instant(rs, "updated"));
    }

    /** VM fields set at creation. */
    public record NewVm(String uuid, String name, String displayName, long accountId, long domainId, long zoneId,
                        long serviceOfferingId, long templateId, String hypervisor, int cpus, int cpuSpeed, int memoryMb,
                        String userData, String keypairs) {
    }

    public long insert(NewVm v) {
        Instant now = Instant.now();
        return Rows.insert(jdbc, "INSERT INTO vms (uuid, name, display_name, account_id, domain_id, zone_id, "
                        + "service_offering_id, template_id, hypervisor, cpus, cpu_speed, memory_mb, state, user_data, "
                        + "keypairs, update_count, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Stopped', "
                        + "?, ?, 0, ?, ?)", v.uuid(), v.name(), v.displayName(), v.accountId(), v.domainId(), v.zoneId(),
                v.serviceOfferingId(), v.templateId(), v.hypervisor(), v.cpus(), v.cpuSpeed(), v.memoryMb(),
                v.userData(), v.keypairs(), now, now);
    }

    public Optional<Vm> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM vms WHERE id = ? AND removed IS NULL", VmDao::map, id);
    }

    /**
     * The VMs of a listing as they are now where they may have moved on since they were read. A
     * listing reads its VMs, then the jobs pending on them; a deploy or start job that ended in
     * between leaves a VM read as Stopped with nothing pending, which an API would show as stopped
     * although it runs. Such VMs (see {@link #mayHaveMoved}) are read again; the others are kept.
     */
    public List<Vm> settled(List<Vm> read, Set<String> pendingUuids) {
        Instant now = Instant.now();
        List<Vm> out = new ArrayList<>(read.size());
        for (Vm vm : read) {
            out.add(mayHaveMoved(vm, pendingUuids, now) ? find(vm.id()).orElse(vm) : vm);
        }
        return out;
    }

    /** Stopped with nothing pending and changed within the last minute: a job may have just ended on it. */
    static boolean mayHaveMoved(Vm vm, Set<String> pendingUuids, Instant now) {
        return vm.state() == VmState.Stopped && !pendingUuids.contains(vm.uuid()) && vm.updated() != null
                && vm.updated().isAfter(now.minusSeconds(60));
    }

    public Optional<Vm> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM vms WHERE uuid = ? AND removed IS NULL", VmDao::map, uuid);
    }

    /**
     * Starting or Running VMs with a NIC holding the address on one of the networks; one at most
     * unless networks overlap. For the metadata listener, which knows a caller only by address.
     */
    public List<Vm> activeWithAddress(List<Long> networkIds, long address) {
        if (networkIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT v.* FROM nics n JOIN vms v ON v.id = n.vm_id WHERE n.network_id IN ("
                + Db.idList(networkIds) + ") AND n.ip_num = ? AND v.removed IS NULL "
                + "AND v.state IN ('Starting', 'Running')", VmDao::map, address);
    }

    /** A VM removed (expunged) at or after {@code since}: compatibility APIs show such VMs as gone for a while. */
    public Optional<Vm> findRemovedByUuid(String uuid, Instant since) {
        return Rows.one(jdbc, "SELECT * FROM vms WHERE uuid = ? AND removed >= ?", VmDao::map, uuid, Db.ts(since));
    }

    /** An account's VMs removed at or after {@code since}, in id order. */
    public List<Vm> removedSince(long accountId, Instant since, int offset, int limit) {
        return jdbc.query("SELECT * FROM vms WHERE account_id = ? AND removed >= ? ORDER BY id LIMIT ? OFFSET ?",
                VmDao::map, accountId, Db.ts(since), limit, offset);
    }

    /**
     * Moves a VM from one state to another only if it is still in {@code from}: concurrent
     * writers cannot both win. Sets the host (null clears it and remembers the last one).
     */
    public boolean transition(long id, VmState from, VmState to, Long hostId) {
        String host = hostId == null ? "last_host_id = COALESCE(host_id, last_host_id), host_id = NULL"
                : "host_id = " + hostId.longValue();
        return jdbc.update("UPDATE vms SET state = ?, " + host + ", update_count = update_count + 1, updated = ? "
                + "WHERE id = ? AND state = ? AND removed IS NULL", to.name(), Db.ts(Instant.now()), id, from.name()) == 1;
    }

    /**
     * VMs of a host that is being removed: they can no longer run there, so they are Stopped
     * (their last host remembered). Returns how many.
     */
    public int stopAllOnHost(long hostId) {
        return jdbc.update("UPDATE vms SET state = 'Stopped', last_host_id = host_id, host_id = NULL, "
                + "update_count = update_count + 1, updated = ? WHERE host_id = ? AND removed IS NULL",
                Db.ts(Instant.now()), hostId);
    }

    /** Marks a VM removed; false if it already was (a second expunge of it does nothing). */
    public boolean markRemoved(long id) {
        return jdbc.update("UPDATE vms SET removed = ?, host_id = NULL WHERE id = ? AND removed IS NULL",
                Db.ts(Instant.now()), id) == 1;
    }

    public void update(long id, String displayName, String userData, String name) {
        jdbc.update("UPDATE vms SET display_name = COALESCE(?, display_name), user_data = COALESCE(?, user_data), "
                        + "name = COALESCE(?, name), update_count = update_count + 1, updated = ? WHERE id = ?",
                displayName, userData, name, Db.ts(Instant.now()), id);
    }

    /** Replaces the names of the key pairs installed into the VM (at its next start). */
    public void setKeypairs(long id, String keypairs) {
        jdbc.update("UPDATE vms SET keypairs = ?, update_count = update_count + 1, updated = ? WHERE id = ?", keypairs,
                Db.ts(Instant.now()), id);
    }

    /** Moves a stopped VM to another offering's size; false if it is no longer stopped. */
    public boolean changeOffering(long id, long offeringId, int cpus, int cpuSpeed, int memoryMb) {
        return jdbc.update("UPDATE vms SET service_offering_id = ?, cpus = ?, cpu_speed = ?, memory_mb = ?, "
                + "update_count = update_count + 1, updated = ? WHERE id = ? AND state = 'Stopped' AND removed IS NULL",
                offeringId, cpus, cpuSpeed, memoryMb, Db.ts(Instant.now()), id) == 1;
    }

    public long countRunning(long accountId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vms WHERE account_id = ? AND removed IS NULL "
                + "AND state = 'Running'", Long.class, accountId);
    }

    /**
     * VMs in one of {@code states} that no pending job is working on: left behind by a node that
     * died mid-operation. VMs a live job is moving are not touched.
     */
    public List<Vm> orphanedIn(List<VmState> states) {
        return orphanedIn(states, null);
    }

    /**
     * VMs in one of {@code states} with no pending job on them nor on their account (deleting an
     * account destroys its VMs under the account's job), and, with {@code changedBefore}, in that
     * state since before then: an operation that is still running (on this node or another) has
     * moved its VM more recently than that.
     */
    public List<Vm> orphanedIn(List<VmState> states, Instant changedBefore) {
        String marks = String.join(", ", states.stream().map(s -> "?").toList());
        List<Object> args = new java.util.ArrayList<>(states.stream().map(Enum::name).toList());
        String since = "";
        if (changedBefore != null) {
            since = " AND v.updated < ?";
            args.add(Db.ts(changedBefore));
        }
        return jdbc.query("SELECT * FROM vms v WHERE v.removed IS NULL AND v.state IN (" + marks + ")" + since
                + " AND NOT EXISTS (SELECT 1 FROM async_job j WHERE j.status = 0 AND j.instance_type = 'VirtualMachine' "
                + "AND j.instance_uuid = v.uuid) AND NOT EXISTS (SELECT 1 FROM async_job j JOIN accounts a ON "
                + "a.uuid = j.instance_uuid WHERE j.status = 0 AND j.instance_type = 'Account' AND a.id = v.account_id) "
                + "ORDER BY v.id", VmDao::map, args.toArray());
    }

    /** VMs the database has in {@code state} on one host. */
    public List<Vm> inStateOnHost(VmState state, long hostId) {
        return jdbc.query("SELECT * FROM vms WHERE removed IS NULL AND state = ? AND host_id = ? ORDER BY id",
                VmDao::map, state.name(), hostId);
    }

    /** Destroyed VMs whose expunge delay has passed. */
    public List<Vm> destroyedBefore(Instant cutoff, int max) {
        return jdbc.query("SELECT * FROM vms WHERE removed IS NULL AND state = 'Destroyed' AND updated < ? ORDER BY id "
                + "LIMIT ?", VmDao::map, Db.ts(cutoff), max);
    }

    /** Filter for VM listings; every field optional. */
    public record Query(Visibility visibility, Long id, List<Long> ids, String name, String state, Long zoneId,
                        Long hostId, String keyword, List<Long> taggedIds) {
        public boolean unfiltered() {
            return id == null && ids == null && name == null && state == null && zoneId == null && hostId == null
                    && keyword == null && taggedIds == null;
        }
    }

    private static Rows.Where where(Query q, String select) {
        Visibility v = q.visibility();
        Rows.Where w = new Rows.Where(select + " FROM vms v WHERE v.removed IS NULL");
        if (v.onlyAccountId() != null) {
            w.andAlways("v.account_id = ?", v.onlyAccountId());
        } else if (!"ROOT".equals(v.domainPath())) {
            w.andAlways("v.domain_id IN (SELECT id FROM domains WHERE path = ? OR path LIKE ?)", v.domainPath(),
                    v.domainPath() + "/%");
        }
        w.and("v.id = ?", q.id()).and("v.name = ?", q.name()).and("v.state = ?", q.state())
                .and("v.zone_id = ?", q.zoneId()).and("v.host_id = ?", q.hostId());
        if (q.keyword() != null) {
            String like = Db.likeContains(q.keyword());
            w.andAlways("(v.name LIKE ? OR v.display_name LIKE ?)", like, like);
        }
        if (q.ids() != null) {
            w.andAlways("v.id IN (" + inList(q.ids()) + ")");
        }
        if (q.taggedIds() != null) {
            w.andAlways("v.id IN (" + inList(q.taggedIds()) + ")");
        }
        return w;
    }

    private static String inList(List<Long> ids) {
        if (ids.isEmpty()) {
            return "NULL";
        }
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(id.longValue());
        }
        return sb.toString();
    }

    /** One page in id order: served from the (account_id, removed, id) index, never sorted in memory. */
    public List<Vm> list(Query q, int offset, int limit) {
        Rows.Where w = where(q, "SELECT v.*");
        return jdbc.query(w.sql() + " ORDER BY v.id LIMIT ? OFFSET ?", VmDao::map, w.args(limit, offset));
    }

    public long count(Query q) {
        Rows.Where w = where(q, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }
}
