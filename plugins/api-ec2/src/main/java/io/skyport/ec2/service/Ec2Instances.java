package io.skyport.ec2.service;

import io.skyport.core.identity.Visibility;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;

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
            Vm vm = vms.findByUuid(uuid).or(() -> vms.findRemovedByUuid(uuid, terminatedVisibleSince()))
                    .filter(v -> v.accountId() == caller.accountId())
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_INSTANCE_ID_NOT_FOUND,
                            Ec2Ids.notFoundMessage(Kind.INSTANCE, id)));
            out.add(vm);
        }
        return out;
    }

    public String instanceId(Vm vm) {
        return ids.of(Kind.INSTANCE, vm.uuid(), vm.accountId());
    }

    /** Queues an operation on a VM; its job fails (and is recorded) if the operation does. */
    public void submit(CallContext caller, String action, Vm vm, LongFunction<Vm> operation) {
        jobs.submit(caller, action, INSTANCE_TYPE, vm.uuid(), INSTANCE_TYPE + ":" + vm.uuid(), jobUuid -> {
            operation.apply(vm.id());
            return null;
        });
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
