package io.skyport.api.command.volume;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.api.NativeJobs;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.plugin.CallContext;
import java.time.Instant;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

/** Attach and detach jobs queue behind the VM they change, so they never interleave with its start or stop. */
public class VolumeJobTest {
    private NativeJobs jobs;
    private VmDao vms;
    private VolumeJob volumeJob;

    @Before
    public void setUp() {
        jobs = mock(NativeJobs.class);
        VolumeDao volumes = mock(VolumeDao.class);
        vms = mock(VmDao.class);
        when(volumes.find(5)).thenReturn(Optional.of(new Volume(5, "vol-uuid", "data", 2, 1, 1, null, null, 1L,
                "DATADISK", 1L << 30, "Ready", Instant.now(), null)));
        volumeJob = new VolumeJob(jobs, volumes, mock(VolumeViews.class), vms);
    }

    @Test
    public void anAttachQueuesBehindTheVmsJobs() {
        when(vms.find(9)).thenReturn(Optional.of(new Vm(9, "vm-uuid", "web", "web", 2, 1, 1, null, 7L, 1, 1, "Docker",
                1, 500, 64, VmState.Stopped, null, null, 0, Instant.now(), Instant.now())));
        volumeJob.submitOnVm(CallContext.system(), "attachVolume", 5, 9L, v -> null);
        verify(jobs).submitQueued(any(), eq("attachVolume"), eq("Volume"), eq("vol-uuid"),
                eq("VirtualMachine:vm-uuid"), anyBoolean(), any());
    }

    @Test
    public void withoutAVmItQueuesBehindTheVolumesJobs() {
        volumeJob.submitOnVm(CallContext.system(), "detachVolume", 5, null, v -> null);
        verify(jobs).submitQueued(any(), eq("detachVolume"), eq("Volume"), eq("vol-uuid"), eq("Volume:vol-uuid"),
                anyBoolean(), any());
    }
}
