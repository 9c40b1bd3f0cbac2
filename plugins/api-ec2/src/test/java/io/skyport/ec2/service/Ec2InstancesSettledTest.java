package io.skyport.ec2.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.JobService;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.ec2.Ec2Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** How the instance operations wait for their jobs before answering. */
public class Ec2InstancesSettledTest {
    private final JobService jobs = mock(JobService.class);
    private final VmDao vms = mock(VmDao.class);
    private final SettingService settings = mock(SettingService.class);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private Ec2Instances instances;

    @Before
    public void setUp() {
        instances = new Ec2Instances(new Ec2Ids(null), vms, jobs, settings);
        when(settings.get(Ec2Settings.TERMINATED_VISIBLE_MINUTES)).thenReturn(60);
    }

    @Test
    public void theVmsWhoseJobEndedAreAnsweredAsTheyAreNow() {
        when(settings.get(Ec2Settings.STATE_CHANGE_WAIT_MILLIS)).thenReturn(1000);
        AsyncJob ended = job("job-1", "vm-1");
        AsyncJob running = job("job-2", "vm-2");
        when(jobs.await(eq("job-1"), any())).thenReturn(done(ended));
        when(jobs.await(eq("job-2"), any())).thenReturn(running);
        when(vms.findByUuid("vm-1")).thenReturn(Optional.of(vm("vm-1", VmState.Destroyed)));
        when(vms.findByUuid("vm-2")).thenReturn(Optional.of(vm("vm-2", VmState.Running)));

        Map<String, Vm> settled = instances.settled(List.of(ended, running));

        assertEquals(List.of("vm-1"), List.copyOf(settled.keySet()));
        assertEquals(InstanceStateName.TERMINATED, Ec2Instances.answered(vm("vm-1", VmState.Stopping), settled,
                InstanceStateName.SHUTTING_DOWN).name());
        assertEquals("a VM whose job still runs answers the state it is going through", InstanceStateName.SHUTTING_DOWN,
                Ec2Instances.answered(vm("vm-2", VmState.Running), settled, InstanceStateName.SHUTTING_DOWN).name());
    }

    @Test
    public void allTheJobsOfOneRequestShareOneWait() {
        when(settings.get(Ec2Settings.STATE_CHANGE_WAIT_MILLIS)).thenReturn(60);
        List<AsyncJob> queued = List.of(job("job-1", "vm-1"), job("job-2", "vm-2"), job("job-3", "vm-3"));
        for (AsyncJob j : queued) {
            // a job that never ends: the wait lasts as long as it is allowed to
            when(jobs.await(eq(j.uuid()), any())).thenAnswer(inv -> {
                Duration d = inv.getArgument(1);
                waits.add(d);
                Thread.sleep(d.toMillis() + 1);
                return j;
            });
        }

        assertTrue(instances.settled(queued).isEmpty());

        assertEquals("each job is still read once", 3, waits.size());
        Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue("three jobs waited " + waits + " in all, beyond the one 60 ms wait",
                total.compareTo(Duration.ofMillis(60)) <= 0);
    }

    @Test
    public void noWaitStillAnswersTheJobsThatHaveEnded() {
        when(settings.get(Ec2Settings.STATE_CHANGE_WAIT_MILLIS)).thenReturn(0);
        AsyncJob ended = job("job-1", "vm-1");
        when(jobs.await(eq("job-1"), any())).thenAnswer(inv -> {
            waits.add(inv.getArgument(1));
            return done(ended);
        });
        when(vms.findByUuid("vm-1")).thenReturn(Optional.empty());
        when(vms.findRemovedByUuid(eq("vm-1"), any())).thenReturn(Optional.of(vm("vm-1", VmState.Expunging)));

        Map<String, Vm> settled = instances.settled(List.of(ended));

        assertEquals(List.of(Duration.ZERO), waits);
        assertEquals("an expunged VM still listed is answered too", VmState.Expunging, settled.get("vm-1").state());
    }

    private static AsyncJob job(String uuid, String vmUuid) {
        Instant now = Instant.now();
        return new AsyncJob(1, uuid, "TerminateInstances", 2, 2, Ec2Instances.INSTANCE_TYPE, vmUuid,
                Ec2Instances.INSTANCE_TYPE + ":" + vmUuid, AsyncJob.PENDING, 0, 0, null, 1L, now, now, null);
    }

    private static AsyncJob done(AsyncJob j) {
        return new AsyncJob(j.id(), j.uuid(), j.cmd(), j.accountId(), j.userId(), j.instanceType(), j.instanceUuid(),
                j.syncKey(), AsyncJob.SUCCEEDED, 0, 0, null, j.ownerNode(), j.created(), Instant.now(), Instant.now());
    }

    private static Vm vm(String uuid, VmState state) {
        Instant now = Instant.now();
        return new Vm(1, uuid, uuid, uuid, 2, 1, 1, 1L, null, 1, 1, "Simulator", 1, 500, 512, state, null, null, 0,
                now, now);
    }
}
