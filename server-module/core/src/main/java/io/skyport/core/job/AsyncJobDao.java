package io.skyport.core.job;

import io.skyport.core.db.Db;
import io.skyport.core.identity.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

public class AsyncJobDao {
    private static final String COLS = "j.id, j.uuid, j.cmd, j.account_id, j.user_id, j.instance_type, j.instance_uuid, "
            + "j.sync_key, j.status, j.proc_status, j.result_code, j.result, j.owner_node, j.created, j.last_updated, "
            + "j.completed";
    private final JdbcTemplate jdbc;

    public AsyncJobDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static AsyncJob map(ResultSet rs, int n) throws SQLException {
        return new AsyncJob(rs.getLong("id"), rs.getString("uuid"), rs.getString("cmd"), rs.getLong("account_id"),
                rs.getLong("user_id"), rs.getString("instance_type"), rs.getString("instance_uuid"),
                rs.getString("sync_key"), rs.getInt("status"), rs.getInt("proc_status"), rs.getInt("result_code"),
                rs.getString("result"), Db.nullableLong(rs, "owner_node"), Db.instant(rs, "created"),
                Db.instant(rs, "last_updated"), Db.instant(rs, "completed"));
    }

    public long insert(String uuid, String cmd, long accountId, long userId, String instanceType, String instanceUuid,
                       String syncKey, long ownerNode, Instant leaseUntil) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Instant now = Instant.now();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO async_job (uuid, cmd, account_id, user_id, instance_type, "
                    + "instance_uuid, sync_key, status, proc_status, result_code, owner_node, created, last_updated, "
                    + "lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, uuid);
            ps.setString(2, cmd);
            ps.setLong(3, accountId);
            ps.setLong(4, userId);
            ps.setString(5, instanceType);
            ps.setString(6, instanceUuid);
            ps.setString(7, syncKey);
            ps.setLong(8, ownerNode);
            ps.setObject(9, Db.ts(now));
            ps.setObject(10, Db.ts(now));
            ps.setObject(11, Db.ts(leaseUntil));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * The command of the oldest pending job on each of the given resources, by resource uuid;
     * resources with nothing pending are absent.
     */
    public java.util.Map<String, String> pendingCommands(String instanceType, java.util.Collection<String> uuids) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        java.util.List<Object> args = new java.util.ArrayList<>(uuids.size() + 1);
        args.add(instanceType);
        args.addAll(uuids);
        String marks = String.join(",", java.util.Collections.nCopies(uuids.size(), "?"));
        jdbc.query("SELECT instance_uuid, cmd FROM async_job WHERE status = 0 AND instance_type = ? AND instance_uuid IN ("
                + marks + ") ORDER BY id", rs -> {
                    out.putIfAbsent(rs.getString(1), rs.getString(2));
                }, args.toArray());
        return out;
    }

    /** Completes a pending job; returns false if it was already finished (by recovery, say). */
    public boolean complete(long id, int status, int resultCode, String result) {
        Instant now = Instant.now();
        return jdbc.update("UPDATE async_job SET status = ?, result_code = ?, result = ?, completed = ?, last_updated = ? "
                + "WHERE id = ? AND status = 0", status, resultCode, result, Db.ts(now), Db.ts(now), id) == 1;
    }

    /**
     * Completes a pending job only while {@code owner} still owns it: a node whose lease ran out
     * (it lost the database, say) and whose job another node took over must not overwrite the
     * outcome the new owner recorded.
     */
    public boolean completeOwned(long id, long owner, int status, int resultCode, String result) {
        Instant now = Instant.now();
        return jdbc.update("UPDATE async_job SET status = ?, result_code = ?, result = ?, completed = ?, last_updated = ? "
                + "WHERE id = ? AND status = 0 AND owner_node = ?", status, resultCode, result, Db.ts(now), Db.ts(now),
                id, owner) == 1;
    }

    /** Pending jobs of other nodes whose lease ran out before {@code now}, oldest first. */
    public List<AsyncJob> expiredLeases(long self, Instant now, int max) {
        return jdbc.query("SELECT " + COLS + " FROM async_job j WHERE j.status = 0 AND j.lease_until < ? "
                + "AND (j.owner_node IS NULL OR j.owner_node <> ?) ORDER BY j.id LIMIT ?", AsyncJobDao::map,
                Db.ts(now), self, max);
    }

    /**
     * Moves a pending job whose lease ran out to {@code self}; true for exactly one of the nodes
     * that try at the same time (the row's owner and lease are the condition).
     */
    public boolean claimExpired(AsyncJob job, long self, Instant now, Instant leaseUntil) {
        String ownerTest = job.ownerNode() == null ? "owner_node IS NULL" : "owner_node = ?";
        List<Object> args = new ArrayList<>(List.of(self, Db.ts(leaseUntil), job.id()));
        if (job.ownerNode() != null) {
            args.add(job.ownerNode());
        }
        args.add(Db.ts(now));
        return jdbc.update("UPDATE async_job SET owner_node = ?, lease_until = ? WHERE id = ? AND status = 0 AND "
                + ownerTest + " AND lease_until < ?", args.toArray()) == 1;
    }

    /** Pending jobs, all nodes (for checks and metrics). */
    public long pendingCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM async_job WHERE status = 0", Long.class);
    }

    public Optional<AsyncJob> findByUuid(String uuid) {
        return jdbc.query("SELECT " + COLS + " FROM async_job j WHERE j.uuid = ?", AsyncJobDao::map, uuid)
                .stream().findFirst();
    }

    public Optional<AsyncJob> findById(long id) {
        return jdbc.query("SELECT " + COLS + " FROM async_job j WHERE j.id = ?", AsyncJobDao::map, id)
                .stream().findFirst();
    }

    /** Pending jobs owned by a node (for recovery after it died or restarted). */
    public List<AsyncJob> pendingOwnedBy(long node) {
        return jdbc.query("SELECT " + COLS + " FROM async_job j WHERE j.owner_node = ? AND j.status = 0 ORDER BY j.id",
                AsyncJobDao::map, node);
    }

    private static String where(Visibility v, Long id, List<Object> args) {
        StringBuilder sql = new StringBuilder(" FROM async_job j JOIN accounts a ON a.id = j.account_id "
                + "JOIN domains d ON d.id = a.domain_id WHERE (d.path = ? OR d.path LIKE ?)");
        args.add(v.domainPath());
        args.add(v.domainPath() + "/%");
        if (v.onlyAccountId() != null) {
            sql.append(" AND j.account_id = ?");
            args.add(v.onlyAccountId());
        }
        if (id != null) {
            sql.append(" AND j.id = ?");
            args.add(id);
        }
        return sql.toString();
    }

    public List<AsyncJob> list(Visibility v, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLS + where(v, null, args) + " ORDER BY j.id DESC LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, AsyncJobDao::map, args.toArray());
    }

    public long count(Visibility v) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*)" + where(v, null, args), Long.class, args.toArray());
    }

    public boolean visible(Visibility v, long id) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*)" + where(v, id, args), Long.class, args.toArray()) > 0;
    }
}
