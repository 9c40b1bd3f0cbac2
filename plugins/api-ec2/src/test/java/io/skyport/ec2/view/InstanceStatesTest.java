package io.skyport.ec2.view;

import static org.junit.Assert.assertEquals;

import io.skyport.core.vm.VmState;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

public class InstanceStatesTest {
    private static InstanceStateName of(VmState s, String queued) {
        return InstanceStates.of(s, queued).name();
    }

    @Test
    public void queuedOperationsShowAsTheTransitionTheyStart() {
        assertEquals(InstanceStateName.PENDING, of(VmState.Stopped, "RunInstances"));
        assertEquals(InstanceStateName.PENDING, of(VmState.Stopped, "startVirtualMachine"));
        assertEquals(InstanceStateName.STOPPED, of(VmState.Stopped, null));
        assertEquals(InstanceStateName.STOPPING, of(VmState.Running, "StopInstances"));
        assertEquals(InstanceStateName.SHUTTING_DOWN, of(VmState.Running, "TerminateInstances"));
        // terminating stops the VM first; clients' terminated waiters fail on "stopping"
        assertEquals(InstanceStateName.SHUTTING_DOWN, of(VmState.Stopping, "TerminateInstances"));
        assertEquals(InstanceStateName.SHUTTING_DOWN, of(VmState.Stopped, "TerminateInstances"));
        assertEquals(InstanceStateName.STOPPING, of(VmState.Stopping, "StopInstances"));
        assertEquals(InstanceStateName.RUNNING, of(VmState.Running, "RebootInstances"));
        assertEquals(InstanceStateName.TERMINATED, of(VmState.Destroyed, null));
        assertEquals(InstanceStateName.TERMINATED, of(VmState.Expunging, null));
    }

    @Test
    public void codesAreEc2s() {
        assertEquals(0, InstanceStates.of(InstanceStateName.PENDING).code().intValue());
        assertEquals(16, InstanceStates.of(InstanceStateName.RUNNING).code().intValue());
        assertEquals(32, InstanceStates.of(InstanceStateName.SHUTTING_DOWN).code().intValue());
        assertEquals(48, InstanceStates.of(InstanceStateName.TERMINATED).code().intValue());
        assertEquals(64, InstanceStates.of(InstanceStateName.STOPPING).code().intValue());
        assertEquals(80, InstanceStates.of(InstanceStateName.STOPPED).code().intValue());
    }
}
