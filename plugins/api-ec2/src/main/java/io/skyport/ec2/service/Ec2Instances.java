package io.skyport.ec2.service;

import io.skyport.core.identity.Visibility;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.JobService;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.ec2.view.InstanceStates;
import io.skyport.plugin.CallContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * What the instance operations share: turning instance ids into the caller's VMs, and queueing
 * an operation on a VM in the server's job framework, behind any other operation on the same VM
 * whichever API asked for it.
 */
@Component
public class Ec2Instances {
    /** The sync queue key every API uses for a VM. */
    public static final String INSTANCE_TYPE = "VirtualMachine";

    private final Ec2Ids ids;
    private final VmDao vms;
    private final JobService jobs;
    private final SettingService settings;

    public Ec2Instances(Ec2Ids ids, VmDao vms, JobService jobs, SettingService settings) {
        this.ids = ids;
        this.vms = vms;
        this.jobs = jobs;
        this.settings = settings;
    }

    /** Instances expunged after this time are still shown, as terminated. */
    public Instant terminatedVisibleSince() {
        return Instant.now().minus(Duration.ofMinutes(settings.get(Ec2Settings.TERMINATED_VISIBLE_MINUTES)));
    }

    /** The caller's own account: EC2 shows every caller its own resources only. */
    public static Visibility own(CallContext caller) {
        return new Visibility(caller.domainPath(), caller.accountId());
    }

    /**
     * The caller's VMs for the given instance ids, in the order given (duplicates once). Any id
     * that is malformed, unknown, another account's or already gone fails the whole request, as
     * EC2 does, naming the id.
     */
    public List<Vm> resolve(List<String> instanceIds, CallContext caller) {
        if (instanceIds == null || instanceIds.isEmpty()) {
            throw Ec2Exception.missing("InstanceId");
        }
        List<Vm> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(instanceIds)) {
            String uuid = ids.resolve(Kind.INSTANCE, id, caller, "InstanceId");
            Vm vm = listed(uuid)
                    .filter(v -> v.accountId() == caller.accountId())
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_INSTANCE_ID_NOT_FOUND,
                            Ec2Ids.notFoundMessage(Kind.INSTANCE, id)));
            out.add(vm);
        }
        return out;
    }

    /** The VM as EC2 lists it: not yet removed, or expunged within the terminated-visible time. */
    private Optional<Vm> listed(String uuid) {
        return vms.findByUuid(uuid).or(() -> vms.findRemovedByUuid(uuid, terminatedVisibleSince()));
    }

    public String instanceId(Vm vm) {
        return ids.of(Kind.INSTANCE, vm.uuid(), vm.accountId());
    }

    /** Queues an operation on a VM; its job fails (and is recorded) if the operation does. */
    public AsyncJob submit(CallContext caller, String action, Vm vm, LongFunction<Vm> operation) {
        return jobs.submit(caller, action, INSTANCE_TYPE, vm.uuid(), INSTANCE_TYPE + ":" + vm.uuid(), jobUuid -> {
            operation.apply(vm.id());
            return null;
        });
    }

    /**
     * Waits for a request's jobs, all together no longer than {@link Ec2Settings#STATE_CHANGE_WAIT_MILLIS},
     * and gives the VMs whose job has ended as they are now, by uuid. A job that is still queued or
     * running is left to run: its VM is not in the answer.
     */
    public Map<String, Vm> settled(List<AsyncJob> queued) {
        Map<String, Vm> out = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                Math.max(0, settings.get(Ec2Settings.STATE_CHANGE_WAIT_MILLIS)));
        for (AsyncJob job : queued) {
            // past the deadline each job is still read once: one that ended meanwhile is answered as ended
            if (jobs.await(job.uuid(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))).done()) {
                listed(job.instanceUuid()).ifPresent(vm -> out.put(vm.uuid(), vm));
            }
        }
        return out;
    }

    /**
     * Queues {@code operation} on each VM but those {@code unchanged} keeps as they are, waits for the
     * jobs ({@link #settled}) and answers each VM's change: from its state before to its state now if
     * its job ended, else to {@code inTransition}; an unchanged VM's from and to are the same.
     */
    public List<InstanceStateChange> changeAll(CallContext caller, String action, List<Vm> vms,
                                               Predicate<Vm> unchanged, LongFunction<Vm> operation,
                                               InstanceStateName inTransition) {
        List<AsyncJob> queued = new ArrayList<>();
        for (Vm vm : vms) {
            if (!unchanged.test(vm)) {
                queued.add(submit(caller, action, vm, operation));
            }
        }
        Map<String, Vm> settled = settled(queued);
        List<InstanceStateChange> changes = new ArrayList<>();
        for (Vm vm : vms) {
            changes.add(change(vm, stateNow(vm), unchanged.test(vm) ? stateNow(vm)
                    : answered(vm, settled, inTransition)));
        }
        return changes;
    }

    /** The state a VM answers with: as it is now if its job ended ({@link #settled}), else {@code inTransition}. */
    public static InstanceState answered(Vm vm, Map<String, Vm> settled, InstanceStateName inTransition) {
        Vm now = settled.get(vm.uuid());
        return now != null ? stateNow(now) : InstanceStates.of(inTransition);
    }

    public InstanceStateChange change(Vm vm, InstanceState previous, InstanceState current) {
        return InstanceStateChange.builder().instanceId(instanceId(vm)).previousState(previous)
                .currentState(current).build();
    }

    /** The state a VM shows before the queued operation runs. */
    public static InstanceState stateNow(Vm vm) {
        return InstanceStates.of(vm.state(), null);
    }
}
