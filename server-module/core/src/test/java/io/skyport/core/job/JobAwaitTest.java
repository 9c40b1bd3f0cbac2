package io.skyport.core.job;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.cluster.ManagementNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@link JobService#await} with a job that ends between the waiter's read and its wait: the end's
 * notification must wake the waiter, not be lost until the next recheck. The recheck is set to a
 * minute and the tests' timeout to ten seconds, so a lost notification fails the test.
 */
public class JobAwaitTest {
    private static final String UUID = "3f1c2a4e-0000-4000-8000-000000000001";
    private AsyncJobDao dao;
    private JobService jobs;

    @Before
    public void setUp() {
        dao = mock(AsyncJobDao.class);
        ManagementNode node = mock(ManagementNode.class);
        when(node.ready()).thenReturn(true);
        jobs = new JobService(dao, node, new SimpleMeterRegistry(), 1);
        jobs.recheckMillis(Duration.ofMinutes(1).toMillis());
    }

    @After
    public void tearDown() {
        jobs.close();
    }

    private static AsyncJob job(int status) {
        Instant now = Instant.now();
        return new AsyncJob(7, UUID, "deployVirtualMachine", 2, 2, "VirtualMachine", "vm", "VirtualMachine:vm",
                status, 0, 0, status == AsyncJob.PENDING ? null : "{}", 1L, now, now, null);
    }

    @Test(timeout = 10_000)
    public void aJobEndingRightAfterTheReadWakesTheWaiter() throws Exception {
        AtomicBoolean ended = new AtomicBoolean();
        AtomicReference<Thread> finisher = new AtomicReference<>();
        when(dao.findByUuid(UUID)).thenAnswer(inv -> {
            if (ended.get()) {
                return Optional.of(job(AsyncJob.SUCCEEDED));
            }
            // the job's thread records the outcome and notifies while the waiter is between its read
            // and its wait; it is given time to get there first
            ended.set(true);
            Thread t = new Thread(() -> jobs.notifyDone(UUID));
            finisher.set(t);
            t.start();
            t.join(300);
            return Optional.of(job(AsyncJob.PENDING));
        });
        AsyncJob seen = jobs.await(UUID, Duration.ofSeconds(30));
        assertEquals(AsyncJob.SUCCEEDED, seen.status());
        finisher.get().join();
    }

    @Test(timeout = 10_000)
    public void aDoneJobIsAnsweredAtOnceAndLeavesNoWaiterBehind() throws Exception {
        when(dao.findByUuid(UUID)).thenReturn(Optional.of(job(AsyncJob.FAILED)));
        assertTrue(jobs.await(UUID, Duration.ofSeconds(30)).done());
        assertFalse("a finished job's waiter entry must go", jobs.hasWaiters(UUID));
    }

    @Test(timeout = 10_000)
    public void aJobStillRunningAtTheTimeoutIsAnsweredAsItIs() {
        jobs.recheckMillis(20);
        when(dao.findByUuid(UUID)).thenReturn(Optional.of(job(AsyncJob.PENDING)));
        assertFalse(jobs.await(UUID, Duration.ofMillis(100)).done());
    }
}
