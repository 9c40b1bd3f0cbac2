package io.skyport.core.job;

import com.google.gson.JsonObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyport.core.cluster.FaultPoint;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.identity.Visibility;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shared async job framework: every long operation of every API is a persisted job run
 * on one bounded pool. Jobs with the same sync key (one resource) run strictly one after the
 * other, in submission order, so two operations on one VM never interleave.
 */
public class JobService implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(JobService.class);

    /** The work of a job, told its own job id; returns the JSON of its result (CloudStack job-result shape) or null. */
    @FunctionalInterface
    public interface JobWork {
        String run(String jobUuid);
    }

    /** How long a job waits for an unreachable database before it gives up (its lease then lets another node finish it). */
    static final java.time.Duration DB_WAIT = java.time.Duration.ofMinutes(10);
    private static final long RETRY_PAUSE_MILLIS = 500;

    private final AsyncJobDao dao;
    private final ManagementNode node;
    private final ExecutorService pool;
    private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();
    /** What {@link #await} callers wait on, by job uuid; the job's end notifies and removes it. */
    private final Map<String, Object> waiters = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The longest one wait lasts before the job is read again: a job that ends on another node
     * (taken over) notifies nobody here.
     */
    private long recheckMillis = 200;
    private final AtomicInteger running = new AtomicInteger();
    private final Counter succeeded;
    private final Counter failed;
    private final MeterRegistry metrics;

    public JobService(AsyncJobDao dao, ManagementNode node, MeterRegistry metrics, int threads) {
        this.dao = dao;
        this.node = node;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "skyport-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.succeeded = metrics.counter("skyport.jobs.completed", "result", "success");
        this.failed = metrics.counter("skyport.jobs.completed", "result", "failure");
        metrics.gauge("skyport.jobs.running", running);
        // 1 while this node reaches the database and takes work, 0 while it does not
        metrics.gauge("skyport.node.ready", node, self -> self.ready() ? 1 : 0);
    }

    /** Persists a pending job and schedules it behind earlier jobs of the same sync key. */
    public AsyncJob submit(CallContext caller, String cmd, String instanceType, String instanceUuid, String syncKey,
                           JobWork work) {
        if (!node.ready()) {
            throw new ApiException(ApiError.INTERNAL, "This management server cannot reach its database and takes "
                    + "no new jobs; retry later or on another management server");
        }
        String uuid = UUID.randomUUID().toString();
        long id = dao.insert(uuid, cmd, caller.accountId(), caller.userId(), instanceType, instanceUuid, syncKey,
                node.id(), java.time.Instant.now().plus(node.lease()));
        Runnable task = () -> execute(id, uuid, cmd, work);
        Runnable schedule = () -> {
            if (syncKey == null) {
                pool.execute(task);
            } else {
                enqueue(syncKey, task);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // submitted inside a transaction (with the rows it works on): it may run only once they are committed,
            // and not at all if they are rolled back
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule.run();
                }
            });
        } else {
            schedule.run();
        }
        java.time.Instant now = java.time.Instant.now();
        return new AsyncJob(id, uuid, cmd, caller.accountId(), caller.userId(), instanceType, instanceUuid, syncKey,
                AsyncJob.PENDING, 0, 0, null, node.id(), now, now, null);
    }

    private void enqueue(String key, Runnable task) {
        synchronized (queues) {
            ArrayDeque<Runnable> q = queues.get(key);
            if (q != null) {
                q.add(task);
                return;
            }
            queues.put(key, new ArrayDeque<>());
        }
        pool.execute(chained(key, task));
    }

    private Runnable chained(String key, Runnable task) {
        return () -> {
            try {
                task.run();
            } finally {
                Runnable next;
                synchronized (queues) {
                    ArrayDeque<Runnable> q = queues.get(key);
                    next = q == null ? null : q.poll();
                    if (next == null) {
                        queues.remove(key);
                    }
                }
                if (next != null) {
                    pool.execute(chained(key, next));
                }
            }
        };
    }

    private void execute(long id, String uuid, String cmd, JobWork work) {
        running.incrementAndGet();
        try {
            if (!stillOurs(id)) {
                return;
            }
            FaultPoint.hit("job.before-work");
            long started = System.nanoTime();
            int status;
            int code;
            String result;
            try {
                result = work.run(uuid);
                status = AsyncJob.SUCCEEDED;
                code = 0;
            } catch (ApiException e) {
                status = AsyncJob.FAILED;
                code = 530;
                result = errorJson(e.error().nativeCode(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("job {} ({}) failed unexpectedly", id, cmd, e);
                status = AsyncJob.FAILED;
                code = 530;
                result = errorJson(ApiError.INTERNAL.nativeCode(), "Internal error executing the command: "
                        + e.getMessage());
            }
            FaultPoint.hit("job.before-complete");
            record(id, cmd, status, code, result);
            Timer.builder("skyport.jobs.duration")
                    .description("time a job ran here, from its start to its outcome recorded")
                    .tag("command", cmd).tag("result", status == AsyncJob.SUCCEEDED ? "success" : "failure")
                    .register(metrics).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } finally {
            running.decrementAndGet();
            notifyDone(uuid);
        }
    }

    /**
     * Waits while this node cannot reach the database (it claims no work then), and tells whether
     * the job is still pending and this node's: while the node was away its lease may have run out
     * and another node may have taken the job over.
     */
    private boolean stillOurs(long id) {
        long deadline = System.nanoTime() + DB_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (node.ready()) {
                try {
                    Optional<AsyncJob> job = dao.findById(id);
                    boolean ours = job.isPresent() && !job.get().done() && Long.valueOf(node.id())
                            .equals(job.get().ownerNode());
                    if (!ours) {
                        LOG.warn("job {} is no longer this node's to run (finished or taken over by another node)", id);
                    }
                    return ours;
                } catch (RuntimeException dbDown) {
                    LOG.warn("job {} waits for the database: {}", id, dbDown.toString());
                }
            }
            sleepQuietly(RETRY_PAUSE_MILLIS);
        }
        LOG.error("job {} not started: the database stayed unreachable for {}", id, DB_WAIT);
        return false;
    }

    /**
     * Records a job's outcome, retrying while the database is unreachable so a job that ran during
     * an outage is not left pending forever; gives up if another node took the job over meanwhile.
     */
    private void record(long id, String cmd, int status, int code, String result) {
        long deadline = System.nanoTime() + DB_WAIT.toNanos();
        while (true) {
            try {
                if (dao.completeOwned(id, node.id(), status, code, result)) {
                    (status == AsyncJob.SUCCEEDED ? succeeded : failed).increment();
                } else {
                    LOG.warn("job {} ({}) was finished by another node while it ran here; this outcome is dropped",
                            id, cmd);
                }
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    LOG.error("job {} ({}): outcome not recorded, the database stayed unreachable; another node "
                            + "takes the job over when its lease runs out", id, cmd, e);
                    return;
                }
                LOG.warn("job {} ({}): cannot record its outcome yet, retrying: {}", id, cmd, e.toString());
                sleepQuietly(RETRY_PAUSE_MILLIS);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String errorJson(int errorCode, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("errorcode", errorCode);
        o.addProperty("errortext", text);
        return o.toString();
    }

    void notifyDone(String uuid) {
        Object w = waiters.remove(uuid);
        if (w != null) {
            synchronized (w) {
                w.notifyAll();
            }
        }
    }

    /** For tests: whether anyone waits (or waited without the job ending here) on the job. */
    boolean hasWaiters(String uuid) {
        return waiters.containsKey(uuid);
    }

    /** For tests: how long one wait may last before the job is read again. */
    void recheckMillis(long millis) {
        this.recheckMillis = millis;
    }

    /**
     * Waits up to {@code timeout} for a job to finish; returns its latest state. The waiter is
     * registered before the job is read, and read and wait happen under the lock its end notifies
     * on, so a job that ends between the read and the wait wakes the caller at once rather than
     * after the next recheck.
     */
    public AsyncJob await(String uuid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object w = waiters.computeIfAbsent(uuid, k -> new Object());
            synchronized (w) {
                AsyncJob job = dao.findByUuid(uuid).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                        "no such job"));
                if (job.done()) {
                    // its end may not have notified yet: whoever waits on the same lock learns it now, and
                    // the entry goes (a job that ended elsewhere notifies nobody here)
                    waiters.remove(uuid, w);
                    w.notifyAll();
                    return job;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return job;
                }
                try {
                    w.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, recheckMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return job;
                }
            }
        }
    }

    /** The job as the caller may see it; another tenant's job looks like an unknown one. */
    public Optional<AsyncJob> visible(CallContext caller, String uuid) {
        return dao.findByUuid(uuid).filter(j -> dao.visible(Visibility.of(caller), j.id()));
    }

    public List<AsyncJob> list(CallContext caller, int offset, int limit) {
        return dao.list(Visibility.of(caller), offset, limit);
    }

    public long count(CallContext caller) {
        return dao.count(Visibility.of(caller));
    }

    /**
     * Fails the pending jobs of a node that stopped without finishing them (this node after a
     * restart, or a dead peer). Their work lived in that node's memory; resource owners
     * reconcile the resources the jobs touched.
     */
    public List<AsyncJob> recoverJobsOf(long deadNode, String reason) {
        List<AsyncJob> orphaned = dao.pendingOwnedBy(deadNode);
        for (AsyncJob j : orphaned) {
            if (dao.complete(j.id(), AsyncJob.FAILED, 530, errorJson(ApiError.INTERNAL.nativeCode(), reason))) {
                failed.increment();
                LOG.warn("job {} ({}) of node {} failed on recovery: {}", j.uuid(), j.cmd(), deadNode, reason);
            }
        }
        return orphaned;
    }

    /**
     * Takes over the pending jobs of other nodes whose lease ran out (their owner died or lost the
     * database for longer than a lease): each is claimed with one conditional update, so one node
     * gets it, and finished as failed with the reason. Their work lived in the owner's memory and
     * cannot be resumed from the row; the caller settles the resources they touched (a VM is put
     * where its host says it is, an interrupted expunge is finished).
     */
    public List<AsyncJob> takeOverExpired() {
        if (!node.ready()) {
            return List.of();
        }
        java.time.Instant now = java.time.Instant.now();
        List<AsyncJob> taken = new java.util.ArrayList<>();
        for (AsyncJob j : dao.expiredLeases(node.id(), now, 500)) {
            if (!dao.claimExpired(j, node.id(), now, now.plus(node.lease()))) {
                continue;
            }
            String reason = "The management server running the job (node " + j.ownerNode() + ") stopped renewing "
                    + "its lease; node " + node.id() + " took the job over and failed it: its work cannot be resumed "
                    + "safely, the resource was settled to the state its host reports";
            if (dao.completeOwned(j.id(), node.id(), AsyncJob.FAILED, 530, errorJson(ApiError.INTERNAL.nativeCode(),
                    reason))) {
                failed.increment();
                taken.add(j);
                LOG.warn("job {} ({}) of node {} taken over: {}", j.uuid(), j.cmd(), j.ownerNode(), reason);
            }
        }
        return taken;
    }

    public int runningJobs() {
        return running.get();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
