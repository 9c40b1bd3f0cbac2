package io.skyport.core.job;

import com.google.gson.JsonObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final AsyncJobDao dao;
    private final ManagementNode node;
    private final ExecutorService pool;
    private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();
    private final Map<String, Object> waiters = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Counter succeeded;
    private final Counter failed;

    public JobService(AsyncJobDao dao, ManagementNode node, MeterRegistry metrics, int threads) {
        this.dao = dao;
        this.node = node;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "skyport-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.succeeded = metrics.counter("skyport.jobs.completed", "result", "success");
        this.failed = metrics.counter("skyport.jobs.completed", "result", "failure");
        metrics.gauge("skyport.jobs.running", running);
    }

    /** Persists a pending job and schedules it behind earlier jobs of the same sync key. */
    public AsyncJob submit(CallContext caller, String cmd, String instanceType, String instanceUuid, String syncKey,
                           JobWork work) {
        String uuid = UUID.randomUUID().toString();
        long id = dao.insert(uuid, cmd, caller.accountId(), caller.userId(), instanceType, instanceUuid, syncKey,
                node.id());
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
            String result = work.run(uuid);
            dao.complete(id, AsyncJob.SUCCEEDED, 0, result);
            succeeded.increment();
        } catch (ApiException e) {
            fail(id, e.error().nativeCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("job {} ({}) failed unexpectedly", id, cmd, e);
            fail(id, ApiError.INTERNAL.nativeCode(), "Internal error executing the command: " + e.getMessage());
        } finally {
            running.decrementAndGet();
            notifyDone(id);
        }
    }

    private void fail(long id, int errorCode, String text) {
        dao.complete(id, AsyncJob.FAILED, 530, errorJson(errorCode, text));
        failed.increment();
    }

    public static String errorJson(int errorCode, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("errorcode", errorCode);
        o.addProperty("errortext", text);
        return o.toString();
    }

    private void notifyDone(long id) {
        Object w = waiters.remove(Long.toString(id));
        if (w != null) {
            synchronized (w) {
                w.notifyAll();
            }
        }
    }

    /** Waits up to {@code timeout} for a job to finish; returns its latest state. */
    public AsyncJob await(String uuid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AsyncJob job = dao.findByUuid(uuid).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no such job"));
        while (!job.done()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return job;
            }
            Object w = waiters.computeIfAbsent(Long.toString(job.id()), k -> new Object());
            synchronized (w) {
                try {
                    w.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return job;
                }
            }
            job = dao.findById(job.id()).orElseThrow();
        }
        return job;
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
