package io.skyport.gce.service;

import com.google.cloud.compute.v1.Operation;
import io.skyport.core.identity.Visibility;
import io.skyport.core.infra.Zone;
import io.skyport.core.job.JobService;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * What the instance methods share: finding the caller's VM by zone and name, and queueing work
 * on it as an Operation, on the sync queue every API uses for a VM.
 */
public class Instances {
    /** The job instance type and sync queue prefix of VMs, the same for every API. */
    public static final String VM_TYPE = "VirtualMachine";
    private static final Set<VmState> GONE = Set.of(VmState.Destroyed, VmState.Expunging);

    private final VmDao vms;
    private final Locations locations;
    private final Operations operations;
    private final GceIds ids;

    public Instances(VmDao vms, Locations locations, Operations operations, GceIds ids) {
        this.vms = vms;
        this.locations = locations;
        this.operations = operations;
        this.ids = ids;
    }

    /** The caller's live VMs, of one zone or (null) all zones. */
    public List<Vm> list(GceCall call, Zone zone) {
        VmDao.Query q = new VmDao.Query(new Visibility(call.ctx().domainPath(), call.accountId()), null, null, null,
                null, zone == null ? null : zone.id(), null, null, null);
        return vms.list(q, 0, Integer.MAX_VALUE).stream().filter(v -> !GONE.contains(v.state())).toList();
    }

    /**
     * A page of the caller's VMs of a zone read straight from the database: {@code limit} rows
     * from {@code offset} in id order, gone ones dropped (so a page may hold fewer).
     */
    public List<Vm> slice(GceCall call, Zone zone, int offset, int limit) {
        VmDao.Query q = new VmDao.Query(new Visibility(call.ctx().domainPath(), call.accountId()), null, null, null,
                null, zone.id(), null, null, null);
        return vms.list(q, offset, limit);
    }

    public static boolean live(Vm vm) {
        return !GONE.contains(vm.state());
    }

    public Vm find(GceCall call, String zoneName, String name) {
        Zone zone = locations.zoneOrThrow(call.project(), zoneName);
        VmDao.Query q = new VmDao.Query(new Visibility(call.ctx().domainPath(), call.accountId()), null, null, name,
                null, zone.id(), null, null, null);
        return vms.list(q, 0, 2).stream().filter(v -> !GONE.contains(v.state()) && v.accountId() == call.accountId())
                .findFirst().orElseThrow(() -> GceException.notFound("projects/" + call.project() + "/zones/" + zoneName
                        + "/instances/" + name));
    }

    public boolean exists(GceCall call, Zone zone, String name) {
        VmDao.Query q = new VmDao.Query(new Visibility(call.ctx().domainPath(), call.accountId()), null, null, name,
                null, zone.id(), null, null, null);
        return vms.list(q, 0, 2).stream().anyMatch(v -> !GONE.contains(v.state()));
    }

    public long id(Vm vm) {
        return ids.id("instance", vm.uuid(), vm.accountId());
    }

    /** Queues {@code work} on the VM and answers with its Operation. */
    public Operation submit(GceCall call, String methodId, Vm vm, LongFunction<?> work) {
        String zone = locations.zoneName(vm.zoneId());
        return operations.submit(call, new Operations.Work(methodId, "zones/" + zone, "zones/" + zone + "/instances/"
                + vm.name(), id(vm), VM_TYPE, vm.uuid(), VM_TYPE + ":" + vm.uuid()), jobUuid -> {
                    work.apply(vm.id());
                    return null;
                });
    }
}
