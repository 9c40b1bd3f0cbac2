package io.skyport.core.job;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.cluster.ManagementNode;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Each job's run time is a timer tagged with its command and result, for operators' dashboards. */
public class JobDurationTest {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private AsyncJobDao dao;
    private JobService jobs;
    private final CountDownLatch recorded = new CountDownLatch(2);

    @Before
    public void setUp() {
        dao = mock(AsyncJobDao.class);
        ManagementNode node = mock(ManagementNode.class);
        when(node.ready()).thenReturn(true);
        when(node.id()).thenReturn(1L);
        when(node.lease()).thenReturn(Duration.ofMinutes(1));
        when(dao.insert(anyString(), anyString(), anyLong(), anyLong(), any(), any(), any(), anyLong(), any()))
                .thenReturn(7L);
        Instant now = Instant.now();
        when(dao.findById(7L)).thenReturn(Optional.of(new AsyncJob(7, "u", "deployVirtualMachine", 2, 2,
                "VirtualMachine", "vm", null, AsyncJob.PENDING, 0, 0, null, 1L, now, now, null)));
        when(dao.completeOwned(anyLong(), anyLong(), anyInt(), anyInt(), any())).thenAnswer(inv -> {
            recorded.countDown();
            return true;
        });
        jobs = new JobService(dao, node, metrics, 1);
    }

    @After
    public void tearDown() {
        jobs.close();
    }

    @Test(timeout = 10_000)
    public void aJobsRunTimeIsTimedByCommandAndResult() throws Exception {
        jobs.submit(CallContext.system(), "deployVirtualMachine", "VirtualMachine", "vm", null, uuid -> {
            sleep(30);
            return "{}";
        });
        jobs.submit(CallContext.system(), "stopVirtualMachine", "VirtualMachine", "vm", null, uuid -> {
            throw new ApiException(ApiError.PARAM_ERROR, "no such VM");
        });
        assertTrue(recorded.await(5, TimeUnit.SECONDS));
        Timer deployed = awaitTimer("deployVirtualMachine", "success");
        assertEquals(1, deployed.count());
        assertTrue("the work's 30 ms are in it", deployed.totalTime(TimeUnit.MILLISECONDS) >= 30);
        assertEquals(1, awaitTimer("stopVirtualMachine", "failure").count());
        assertNull(metrics.find("skyport.jobs.duration").tag("command", "stopVirtualMachine")
                .tag("result", "success").timer());
    }

    /** The timer is recorded right after the outcome; the test may see the outcome a moment earlier. */
    private Timer awaitTimer(String command, String result) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Timer t = metrics.find("skyport.jobs.duration").tag("command", command).tag("result", result).timer();
            if (t != null && t.count() > 0) {
                return t;
            }
            Thread.sleep(10);
        }
        Timer t = metrics.find("skyport.jobs.duration").tag("command", command).tag("result", result).timer();
        assertNotNull(command + " " + result, t);
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
