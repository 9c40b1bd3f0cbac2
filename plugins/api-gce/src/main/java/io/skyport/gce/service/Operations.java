package io.skyport.gce.service;

import com.google.cloud.compute.v1.Errors;
import com.google.cloud.compute.v1.Operation;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.JobService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.view.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GCE Operations are the core's async jobs. Every mutating method queues its work as a job (on
 * the resource's sync queue, behind whatever any API queued there) and answers with the
 * Operation; a row in {@code gce_operations} keeps what GCE shows beside the job: scope, target
 * and type.
 */
public class Operations {
    public static final String NAME_PREFIX = "operation-";
    /** How long {@code wait} blocks at most, as GCE's does (about two minutes). */
    public static final Duration WAIT = Duration.ofSeconds(110);

    private final JobService jobs;
    private final JdbcTemplate jdbc;
    private final ExternalIdDao tokens;
    private final TransactionTemplate tx;

    public Operations(JobService jobs, JdbcTemplate jdbc, ExternalIdDao tokens, TransactionTemplate tx) {
        this.tx = tx;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** The Operation an earlier call with this {@code requestId} started, if any. */
    public Optional<Operation> replay(GceCall call, String requestId) {
        return tokens.token(Projects.API, call.accountId(), requestId).flatMap(t -> {
            String[] scopeAndName = t.result().split("\\|", 2);
            return scopeAndName.length == 2 ? Optional.of(get(call, scopeAndName[0], scopeAndName[1]))
                    : Optional.empty();
        });
    }

    /** Records the Operation a call with this {@code requestId} started. */
    public void remember(GceCall call, String requestId, Operation op) {
        String scope = op.hasZone() ? "zones/" + last(op.getZone()) : op.hasRegion() ? "regions/" + last(op.getRegion())
                : "global";
        tokens.recordToken(Projects.API, call.accountId(), requestId, "-", scope + "|" + op.getName());
    }

    private static String last(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * @param scope       {@code zones/<zone>}, {@code regions/<region>} or {@code global}
     * @param targetPath  the target under the project, e.g. {@code zones/z/instances/web-1}
     * @param syncKey     the resource's sync queue, e.g. {@code VirtualMachine:<uuid>}
     */
    public record Work(String methodId, String scope, String targetPath, long targetId, String instanceType,
                       String instanceUuid, String syncKey) {
    }

    /**
     * Queues the work and records its Operation in one transaction (joining the caller's, if
     * any): the job runs only once both are committed, so a crash leaves both or neither.
     */
    public Operation submit(GceCall call, Work w, JobService.JobWork work) {
        return tx.execute(status -> record(call, w, work));
    }

    private Operation record(GceCall call, Work w, JobService.JobWork work) {
        AsyncJob job = jobs.submit(call.ctx(), w.methodId(), w.instanceType(), w.instanceUuid(), w.syncKey(), work);
        Row row = new Row(job.uuid(), GceIds.mint(), call.accountId(), w.scope(), type(w.methodId()), w.targetPath(),
                Long.toUnsignedString(w.targetId()), job.created());
        jdbc.update("INSERT INTO gce_operations (job_uuid, operation_id, account_id, scope, operation_type, target_path, "
                + "target_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row.jobUuid, row.id, row.accountId, row.scope,
                row.type, row.targetPath, row.targetId, Db.ts(row.created));
        return view(call, row, jobs.visible(call.ctx(), job.uuid()).orElse(job));
    }

    /** The operation's type is the method's name ({@code insert}, {@code setMetadata}…). */
    private static String type(String methodId) {
        return methodId.substring(methodId.lastIndexOf('.') + 1);
    }

    private record Row(String jobUuid, String id, long accountId, String scope, String type, String targetPath,
                       String targetId, Instant created) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("job_uuid"), rs.getString("operation_id"), rs.getLong("account_id"),
                rs.getString("scope"), rs.getString("operation_type"), rs.getString("target_path"),
                rs.getString("target_id"), Db.instant(rs, "created"));
    }

    public Operation get(GceCall call, String scope, String name) {
        Row row = find(call, scope, name);
        AsyncJob job = jobs.visible(call.ctx(), row.jobUuid).orElseThrow(() -> notFound(call, scope, name));
        return view(call, row, job);
    }

    public Operation await(GceCall call, String scope, String name) {
        Row row = find(call, scope, name);
        jobs.visible(call.ctx(), row.jobUuid).orElseThrow(() -> notFound(call, scope, name));
        return view(call, row, jobs.await(row.jobUuid, WAIT));
    }

    public void delete(GceCall call, String scope, String name) {
        Row row = find(call, scope, name);
        jdbc.update("DELETE FROM gce_operations WHERE job_uuid = ?", row.jobUuid);
    }

    public List<Operation> list(GceCall call, String scope) {
        return views(call, jdbc.query("SELECT * FROM gce_operations WHERE account_id = ? AND scope = ? ORDER BY "
                + "created, job_uuid", Operations::row, call.accountId(), scope));
    }

    /** Every operation of the project, by scope ({@code zones/z}, {@code regions/r}, {@code global}). */
    public Map<String, List<Operation>> listAll(GceCall call) {
        Map<String, List<Operation>> out = new TreeMap<>();
        List<Row> rows = jdbc.query("SELECT * FROM gce_operations WHERE account_id = ? ORDER BY created, job_uuid",
                Operations::row, call.accountId());
        for (Operation op : views(call, rows)) {
            String scope = op.hasZone() ? "zones/" + last(op.getZone()) : op.hasRegion() ? "regions/"
                    + last(op.getRegion()) : "global";
            out.computeIfAbsent(scope, k -> new ArrayList<>()).add(op);
        }
        return out;
    }

    private List<Operation> views(GceCall call, List<Row> rows) {
        List<Operation> out = new ArrayList<>();
        for (Row r : rows) {
            jobs.visible(call.ctx(), r.jobUuid).ifPresent(job -> out.add(view(call, r, job)));
        }
        return out;
    }

    /** An insert whose job has not finished: its resource is not there yet, but its name is taken. */
    public record PendingInsert(String targetPath, long targetId, Instant created) {
    }

    /** The caller's inserts of one scope still pending or running, oldest first. */
    public List<PendingInsert> pendingInserts(GceCall call, String scope) {
        return jdbc.query("SELECT o.target_path, o.target_id, o.created FROM gce_operations o JOIN async_job j "
                + "ON j.uuid = o.job_uuid WHERE o.account_id = ? AND o.scope = ? AND o.operation_type = 'insert' "
                + "AND j.status = ? ORDER BY o.created, o.job_uuid", (rs, n) -> new PendingInsert(rs.getString(1),
                Long.parseUnsignedLong(rs.getString(2)), Db.instant(rs, "created")), call.accountId(), scope,
                AsyncJob.PENDING);
    }

    private Row find(GceCall call, String scope, String name) {
        if (!name.startsWith(NAME_PREFIX)) {
            throw notFound(call, scope, name);
        }
        Optional<Row> row = Rows.one(jdbc, "SELECT * FROM gce_operations WHERE job_uuid = ? AND account_id = ? AND scope = ?",
                Operations::row, name.substring(NAME_PREFIX.length()), call.accountId(), scope);
        return row.orElseThrow(() -> notFound(call, scope, name));
    }

    private static GceException notFound(GceCall call, String scope, String name) {
        return GceException.notFound("projects/" + call.project() + "/" + scope + "/operations/" + name);
    }

    private static Operation view(GceCall call, Row row, AsyncJob job) {
        Operation.Builder op = Operation.newBuilder()
                .setKind("compute#operation")
                .setId(Long.parseUnsignedLong(row.id))
                .setName(NAME_PREFIX + row.jobUuid)
                .setOperationType(row.type)
                .setTargetLink(call.link(row.targetPath))
                .setTargetId(Long.parseUnsignedLong(row.targetId))
                .setStatus(job.done() ? Operation.Status.DONE : Operation.Status.RUNNING)
                .setUser(call.ctx().accountName())
                .setProgress(job.done() ? 100 : 0)
                .setInsertTime(Times.rfc3339(row.created))
                .setStartTime(Times.rfc3339(row.created))
                .setSelfLink(call.link(row.scope + "/operations/" + NAME_PREFIX + row.jobUuid));
        if (row.scope.startsWith("zones/")) {
            op.setZone(call.link(row.scope));
        } else if (row.scope.startsWith("regions/")) {
            op.setRegion(call.link(row.scope));
        }
        if (job.done()) {
            op.setEndTime(Times.rfc3339(job.completed() != null ? job.completed() : job.lastUpdated()));
        }
        if (job.status() == AsyncJob.FAILED) {
            Failure f = failure(job.result());
            op.setError(com.google.cloud.compute.v1.Error.newBuilder().addErrors(Errors.newBuilder()
                    .setCode(f.code()).setMessage(f.message())));
            op.setHttpErrorStatusCode(f.status()).setHttpErrorMessage(f.statusText());
        }
        return op.build();
    }

    private record Failure(String code, String message, int status, String statusText) {
    }

    /** A failed job's native error ({@code errorcode}, {@code errortext}) as GCE codes it. */
    private static Failure failure(String result) {
        int nativeCode = 530;
        String text = "The operation failed";
        try {
            JsonObject o = JsonParser.parseString(result).getAsJsonObject();
            nativeCode = o.has("errorcode") ? o.get("errorcode").getAsInt() : nativeCode;
            text = o.has("errortext") ? o.get("errortext").getAsString() : text;
        } catch (RuntimeException e) {
            // an unreadable result keeps the generic failure
        }
        return switch (nativeCode) {
            case 533 -> new Failure(GceError.ZONE_RESOURCE_EXHAUSTED.reason(), text, 503, "SERVICE UNAVAILABLE");
            case 535 -> new Failure("QUOTA_EXCEEDED", text, 403, "FORBIDDEN");
            case 431 -> new Failure("RESOURCE_OPERATION_FAILED", text, 400, "BAD REQUEST");
            default -> new Failure("INTERNAL_ERROR", text, 500, "INTERNAL SERVER ERROR");
        };
    }
}
