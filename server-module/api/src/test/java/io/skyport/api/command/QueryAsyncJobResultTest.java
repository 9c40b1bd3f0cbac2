package io.skyport.api.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.JobService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

/** queryAsyncJobResult's wait: the answer comes when the job ends, within the caller's bound. */
public class QueryAsyncJobResultTest {
    private static final String JOB = "0b5a8f3e-2f0a-4c39-9d7e-6a0e1c2d3b4a";
    private final JobService jobs = mock(JobService.class);
    private final ViewFactory views = mock(ViewFactory.class);
    private final AsyncJob pending = job(AsyncJob.PENDING);
    private final AsyncJob done = job(1);

    private static AsyncJob job(int status) {
        return new AsyncJob(1, JOB, "deployVirtualMachine", 2, 2, "VirtualMachine", "vm", null, status, 0,
                status == 1 ? 0 : 0, null, null, Instant.now(), Instant.now(), status == 1 ? Instant.now() : null);
    }

    @Before
    public void setUp() {
        when(jobs.visible(any(), anyString())).thenReturn(Optional.of(pending));
        when(jobs.await(JOB, Duration.ofSeconds(10))).thenReturn(done);
    }

    private Object query(Integer wait) throws Exception {
        QueryAsyncJobResult q = new QueryAsyncJobResult(jobs, views);
        set(q, "jobId", JOB);
        set(q, "waitSeconds", wait);
        return q.execute(CallContext.system());
    }

    private static void set(Object o, String field, Object value) throws Exception {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }

    @Test
    public void withWaitThePendingJobIsAnsweredWhenItEnds() throws Exception {
        query(10);
        verify(jobs).await(JOB, Duration.ofSeconds(10));
        verify(views).job(done);
    }

    @Test
    public void withoutWaitTheJobIsAnsweredAsItIs() throws Exception {
        query(null);
        query(0);
        verify(jobs, never()).await(anyString(), any());
        verify(views, org.mockito.Mockito.times(2)).job(pending);
    }

    @Test
    public void aFinishedJobIsNotWaitedFor() throws Exception {
        when(jobs.visible(any(), anyString())).thenReturn(Optional.of(done));
        query(10);
        verify(jobs, never()).await(anyString(), any());
    }

    @Test
    public void aWaitOutOfRangeIsABadParameter() {
        for (int bad : new int[] {-1, 31}) {
            ApiException e = assertThrows(ApiException.class, () -> query(bad));
            assertEquals(ApiError.PARAM_ERROR, e.error());
        }
        verify(jobs, never()).await(anyString(), any());
    }

    @Test
    public void anotherTenantsJobIsNotFoundBeforeAnyWait() {
        when(jobs.visible(any(), anyString())).thenReturn(Optional.empty());
        ApiException e = assertThrows(ApiException.class, () -> query(10));
        assertEquals(ApiError.NOT_FOUND, e.error());
        verify(jobs, never()).await(anyString(), any());
    }
}
