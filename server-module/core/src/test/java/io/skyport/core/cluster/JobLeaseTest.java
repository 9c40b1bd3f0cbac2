package io.skyport.core.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.db.DatabaseFactory;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.AsyncJobDao;
import io.skyport.core.job.JobService;
import io.skyport.plugin.CallContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Job leases between management nodes on one database (H2 in MariaDB mode, migrated as the
 * server migrates it): a job whose owner stopped renewing its lease is taken over by exactly one
 * other node and failed with the reason; the old owner's late outcome does not overwrite it; the
 * jobs of a node that keeps beating are never taken.
 */
public class JobLeaseTest {
    private static final Duration BEAT = Duration.ofMillis(50);
    private static final Duration LEASE = Duration.ofMillis(300);
    private JdbcTemplate jdbc;
    private AsyncJobDao dao;
    private ManagementNode a;
    private ManagementNode b;
    private ManagementNode c;
    private JobService jobsA;
    private JobService jobsB;
    private JobService jobsC;

    @Before
    public void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:leases-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        DatabaseFactory.migrate(ds);
        jdbc = new JdbcTemplate(ds);
        dao = new AsyncJobDao(jdbc);
        a = new ManagementNode(jdbc, "node-a", "test", BEAT, LEASE);
        b = new ManagementNode(jdbc, "node-b", "test", BEAT, LEASE);
        c = new ManagementNode(jdbc, "node-c", "test", BEAT, LEASE);
        a.start("127.0.0.1:1");
        b.start("127.0.0.1:2");
        c.start("127.0.0.1:3");
        jobsA = new JobService(dao, a, new SimpleMeterRegistry(), 2);
        jobsB = new JobService(dao, b, new SimpleMeterRegistry(), 2);
        jobsC = new JobService(dao, c, new SimpleMeterRegistry(), 2);
    }

    @After
    public void tearDown() {
        for (AutoCloseable x : new AutoCloseable[] {jobsA, jobsB, jobsC, a, b, c}) {
            try {
                x.close();
            } catch (Exception ignored) {
                // closing what may already be closed
            }
        }
    }

    @Test
    public void aJobWhoseOwnerStoppedBeatingIsTakenOverOnceAndItsLateOutcomeIsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AsyncJob job = jobsA.submit(CallContext.system(), "deployVirtualMachine", "VirtualMachine", "vm-1",
                "VirtualMachine:vm-1", uuid -> {
                    await(release);
                    return "{\"late\":true}";
                });
        Thread.sleep(LEASE.toMillis() * 2);
        assertEquals("node A's lease is renewed while it beats", List.of(), jobsB.takeOverExpired());

        a.close(); // A stops beating; its job still runs in A's memory
        Thread.sleep(LEASE.toMillis() + BEAT.toMillis() * 2);
        List<AsyncJob> byB = jobsB.takeOverExpired();
        List<AsyncJob> byC = jobsC.takeOverExpired();
        assertEquals("exactly one node takes the job", 1, byB.size() + byC.size());
        AsyncJob taken = dao.findById(job.id()).orElseThrow();
        assertEquals(AsyncJob.FAILED, taken.status());
        assertTrue(taken.result(), taken.result().contains("stopped renewing its lease"));
        long newOwner = byB.isEmpty() ? c.id() : b.id();
        assertEquals(Long.valueOf(newOwner), taken.ownerNode());

        release.countDown(); // A's work ends after the takeover: its success must not replace the failure
        long deadline = System.currentTimeMillis() + 5000;
        while (jobsA.runningJobs() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, jobsA.runningJobs());
        AsyncJob after = dao.findById(job.id()).orElseThrow();
        assertEquals("the outcome the new owner recorded stands", AsyncJob.FAILED, after.status());
        assertFalse(after.result(), after.result().contains("late"));
    }

    @Test
    public void aLiveNodesQueuedAndRunningJobsAreNeverTaken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AsyncJob running = jobsB.submit(CallContext.system(), "stopVirtualMachine", "VirtualMachine", "vm-2",
                "VirtualMachine:vm-2", uuid -> {
                    await(release);
                    return null;
                });
        AsyncJob queued = jobsB.submit(CallContext.system(), "startVirtualMachine", "VirtualMachine", "vm-2",
                "VirtualMachine:vm-2", uuid -> null);
        Thread.sleep(LEASE.toMillis() * 3);
        assertEquals(List.of(), jobsC.takeOverExpired());
        release.countDown();
        assertEquals(AsyncJob.SUCCEEDED, jobsB.await(running.uuid(), Duration.ofSeconds(5)).status());
        assertEquals(AsyncJob.SUCCEEDED, jobsB.await(queued.uuid(), Duration.ofSeconds(5)).status());
    }

    @Test
    public void aLeaseShorterThanTwoBeatsIsRefused() {
        try {
            new ManagementNode(jdbc, "node-d", "test", Duration.ofSeconds(5), Duration.ofSeconds(6));
            throw new AssertionError("accepted a lease that one late beat would lose");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("two heartbeats"));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
