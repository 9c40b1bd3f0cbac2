package io.skyport.ec2.view;

import io.skyport.core.vm.VmState;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * EC2 instance states from a VM's state and the operation queued on it, if any: a VM whose
 * start is queued is {@code pending}, not {@code stopped}, so clients' waiters see the truth.
 */
public final class InstanceStates {
    static final Set<String> STARTING = Set.of("RunInstances", "StartInstances", "deployVirtualMachine",
            "startVirtualMachine", "InstancesInsert", "InstancesStart");
    static final Set<String> STOPPING = Set.of("StopInstances", "stopVirtualMachine", "InstancesStop");
    static final Set<String> TERMINATING = Set.of("TerminateInstances", "destroyVirtualMachine",
            "expungeVirtualMachine", "InstancesDelete");

    private InstanceStates() {
    }

    public static InstanceState of(VmState state, String queued) {
        // immutable sets refuse contains(null): nothing queued is the empty command
        String pendingCommand = queued == null ? "" : queued;
        return switch (state) {
            case Starting -> of(InstanceStateName.PENDING);
            case Running -> STOPPING.contains(pendingCommand) ? of(InstanceStateName.STOPPING)
                    : TERMINATING.contains(pendingCommand) ? of(InstanceStateName.SHUTTING_DOWN)
                    : of(InstanceStateName.RUNNING);
            // a termination stops the VM first: the stop is part of shutting down
            case Stopping -> TERMINATING.contains(pendingCommand) ? of(InstanceStateName.SHUTTING_DOWN)
                    : of(InstanceStateName.STOPPING);
            case Stopped -> STARTING.contains(pendingCommand) ? of(InstanceStateName.PENDING)
                    : TERMINATING.contains(pendingCommand) ? of(InstanceStateName.SHUTTING_DOWN)
                    : of(InstanceStateName.STOPPED);
            case Destroyed, Expunging, Error -> of(InstanceStateName.TERMINATED);
        };
    }

    /** States are immutable values: one of each serves every instance. */
    private static final java.util.Map<InstanceStateName, InstanceState> STATES = new java.util.EnumMap<>(
            InstanceStateName.class);

    static {
        for (InstanceStateName n : InstanceStateName.values()) {
            STATES.put(n, InstanceState.builder().name(n).code(code(n)).build());
        }
    }

    public static InstanceState of(InstanceStateName name) {
        return STATES.get(name);
    }

    /** The low byte of EC2's state code. */
    static int code(InstanceStateName name) {
        return switch (name) {
            case PENDING -> 0;
            case RUNNING -> 16;
            case SHUTTING_DOWN -> 32;
            case TERMINATED -> 48;
            case STOPPING -> 64;
            case STOPPED -> 80;
            default -> 0;
        };
    }
}
