package io.skyport.gce.service;

import static org.junit.Assert.assertEquals;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmState;
import java.time.Instant;
import org.junit.Test;

public class InstanceStatusTest {
    private static Vm vm(VmState state) {
        return new Vm(1, "u", "n", "n", 1, 1, 1, null, null, 1, 1, "Simulator", 1, 500, 512, state, null, null, 0,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    public void statusFollowsStateAndQueuedWork() {
        assertEquals("PROVISIONING", InstanceViews.status(vm(VmState.Stopped), "compute.instances.insert"));
        assertEquals("PROVISIONING", InstanceViews.status(vm(VmState.Stopped), "RunInstances"));
        assertEquals("STAGING", InstanceViews.status(vm(VmState.Starting), null));
        assertEquals("STAGING", InstanceViews.status(vm(VmState.Stopped), "compute.instances.start"));
        assertEquals("RUNNING", InstanceViews.status(vm(VmState.Running), null));
        assertEquals("STOPPING", InstanceViews.status(vm(VmState.Running), "compute.instances.stop"));
        assertEquals("STOPPING", InstanceViews.status(vm(VmState.Running), "stopVirtualMachine"));
        assertEquals("STOPPING", InstanceViews.status(vm(VmState.Destroyed), null));
        assertEquals("TERMINATED", InstanceViews.status(vm(VmState.Stopped), null));
        assertEquals("TERMINATED", InstanceViews.status(vm(VmState.Error), null));
    }
}
