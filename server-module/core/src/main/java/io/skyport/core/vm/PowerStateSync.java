package io.skyport.core.vm;

import io.skyport.core.event.EventService;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.job.JobService;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver.PowerState;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Notices VMs changed behind Skyport's back and settles them: a VM whose instance was stopped on
 * its host (a container killed there, a guest that shut itself down) becomes Stopped; one whose
 * instance vanished from its host (a container removed there) becomes Error, since it cannot be
 * started again as it was. Either way its host capacity is released and an event recorded.
 * Hosts are asked for everything they run in one call per host; each VM found not running is
 * then settled in a job queued on the VM, so it waits for any start, stop or reboot already
 * under way and asks the host again before changing anything. Instances labelled as Skyport VMs
 * that no VM here owns are reported (never removed: they may belong to another installation
 * sharing the host, or hold data someone wants back).
 */
@Component
public class PowerStateSync {
    private static final Logger LOG = LogManager.getLogger(PowerStateSync.class);

    private final VmDao vms;
    private final HostDao hostDao;
    private final Placement placement;
    private final VmOperations ops;
    private final JobService jobs;
    private final EventService events;
    /**
     * A removal on the engine reports the container's end before its removal ({@code docker rm -f}:
     * kill, die, destroy), so a VM is often settled to Stopped an instant before its container is
     * gone. VMs this class stopped, with when, let the removal that follows still turn them to Error.
     */
    static final long VANISH_WINDOW_MILLIS = 60_000;
    private final Map<String, Long> stoppedHere = new ConcurrentHashMap<>();
    /** host id + ":" + VM uuid of orphans already reported, so each is reported once. */
    private final Set<String> reportedOrphans = ConcurrentHashMap.newKeySet();

    /** The hosts this node holds the lease of; another management server syncs the others. */
    private final java.util.function.LongPredicate managed;

    /** A sync of every host (a single server, or a test). */
    public PowerStateSync(VmDao vms, HostDao hostDao, Placement placement, VmOperations ops, JobService jobs,
                          EventService events) {
        this(vms, hostDao, placement, ops, jobs, events, hostId -> true);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public PowerStateSync(VmDao vms, HostDao hostDao, Placement placement, VmOperations ops, JobService jobs,
                          EventService events, io.skyport.core.cluster.ManagementNode node) {
        this(vms, hostDao, placement, ops, jobs, events, node::owns);
    }

    private PowerStateSync(VmDao vms, HostDao hostDao, Placement placement, VmOperations ops, JobService jobs,
                           EventService events, java.util.function.LongPredicate managed) {
        this.managed = managed;
        this.vms = vms;
        this.hostDao = hostDao;
        this.placement = placement;
        this.ops = ops;
        this.jobs = jobs;
        this.events = events;
    }

    /** One pass over the hosts that are Up; returns how many VMs were queued to be settled. */
    public int syncAll() {
        int queued = 0;
        for (Host h : hostDao.hosts(null, null, null, null, null, "Up")) {
            if (!managed.test(h.id())) {
                continue;
            }
            queued += syncHost(h);
        }
        return queued;
    }

    /** One host's VMs and orphans; a host that is not Up is skipped (its silence says nothing). */
    public int syncHost(Host h) {
        if (!"Up".equals(h.status())) {
            return 0;
        }
        Map<String, PowerState> seen;
        try {
            seen = placement.driverOf(h).list(h.ref());
        } catch (RuntimeException e) {
            // a host that does not answer says nothing about its VMs
            LOG.debug("power state sync: host {} did not list its instances: {}", h.name(), e.toString());
            return 0;
        }
        int queued = 0;
        for (Vm vm : vms.inStateOnHost(VmState.Running, h.id())) {
            if (notRunning(seen.getOrDefault(vm.uuid(), PowerState.MISSING))) {
                queue(vm, h.id());
                queued++;
            }
        }
        reportOrphans(h, seen);
        return queued;
    }

    /**
     * Settles one VM now, as a host's push notification asks (an instance that died or was
     * removed): queued on the VM like a pass's settling, and a no-op unless it is Running.
     * Returns whether a settle job was queued.
     */
    public boolean syncVm(String vmUuid) {
        Vm vm = vms.findByUuid(vmUuid).orElse(null);
        if (vm == null) {
            return false;
        }
        if (vm.state() == VmState.Stopped && vm.lastHostId() != null && recentlyStoppedHere(vmUuid)) {
            jobs.submit(CallContext.system(), "syncVirtualMachinePowerState", "VirtualMachine", vm.uuid(),
                    "VirtualMachine:" + vm.uuid(), job -> {
                        settleVanished(vm.id(), vm.lastHostId());
                        return null;
                    });
            return true;
        }
        if (vm.state() != VmState.Running || vm.hostId() == null) {
            return false;
        }
        queue(vm, vm.hostId());
        return true;
    }

    private boolean recentlyStoppedHere(String vmUuid) {
        Long at = stoppedHere.get(vmUuid);
        return at != null && System.currentTimeMillis() - at < VANISH_WINDOW_MILLIS;
    }

    /** Runs in the VM's queue: a VM this class just stopped whose instance is now gone goes to Error. */
    boolean settleVanished(long vmId, long hostId) {
        Vm vm = vms.find(vmId).orElse(null);
        if (vm == null || vm.state() != VmState.Stopped || vm.lastHostId() == null || vm.lastHostId() != hostId
                || !recentlyStoppedHere(vm.uuid())) {
            return false;
        }
        if (ops.observed(vm).orElse(PowerState.UNKNOWN) != PowerState.MISSING
                || !vms.transition(vm.id(), VmState.Stopped, VmState.Error, null)) {
            return false;
        }
        stoppedHere.remove(vm.uuid());
        vanished(vm);
        return true;
    }

    private void vanished(Vm vm) {
        LOG.warn("VM {} has no instance on its host any more: now Error", vm.uuid());
        events.record(CallContext.system(), "VM.ERROR", "ERROR", "Completed", "VM " + vm.name()
                + " is in Error: its instance vanished from its host (removed outside Skyport)",
                "VirtualMachine", vm.uuid());
    }

    private void queue(Vm vm, long hostId) {
        jobs.submit(CallContext.system(), "syncVirtualMachinePowerState", "VirtualMachine", vm.uuid(),
                "VirtualMachine:" + vm.uuid(), job -> {
                    settle(vm.id(), hostId);
                    return null;
                });
    }

    /**
     * Runs in the VM's queue: if it is still Running on that host and still not running there,
     * moves it to Stopped (instance stopped) or Error (instance gone).
     */
    boolean settle(long vmId, long hostId) {
        Vm vm = vms.find(vmId).orElse(null);
        if (vm == null || vm.state() != VmState.Running || vm.hostId() == null || vm.hostId() != hostId) {
            return false;
        }
        PowerState now = ops.observed(vm).orElse(PowerState.UNKNOWN);
        if (!notRunning(now)) {
            return false;
        }
        VmState target = now == PowerState.MISSING ? VmState.Error : VmState.Stopped;
        if (!vms.transition(vm.id(), VmState.Running, target, null)) {
            return false;
        }
        placement.release(hostId, vm);
        if (target == VmState.Error) {
            vanished(vm);
        } else {
            stoppedHere.put(vm.uuid(), System.currentTimeMillis());
            stoppedHere.values().removeIf(at -> System.currentTimeMillis() - at > VANISH_WINDOW_MILLIS);
            LOG.warn("VM {} is stopped on its host although Running here: now Stopped", vm.uuid());
            events.record(CallContext.system(), "VM.STOP", "Stopped VM " + vm.name() + ": its host reports it "
                    + "stopped (stopped outside Skyport)", "VirtualMachine", vm.uuid());
        }
        return true;
    }

    /** Instances the host labels as Skyport VMs that no live VM here owns: a WARN and an event, once each. */
    int reportOrphans(Host h, Map<String, PowerState> seen) {
        int reported = 0;
        for (String uuid : seen.keySet()) {
            if (vms.findByUuid(uuid).isPresent() || !reportedOrphans.add(h.id() + ":" + uuid)) {
                continue;
            }
            LOG.warn("host {} runs an instance labelled as VM {}, which is unknown here or expunged; it is left "
                    + "in place for an administrator to remove", h.name(), uuid);
            events.record(CallContext.system(), "HOST.ORPHAN", "WARN", "Completed", "Host " + h.name()
                    + " has an instance of VM " + uuid + ", which is unknown or expunged (orphan, not removed)",
                    "Host", h.uuid());
            reported++;
        }
        return reported;
    }

    private static boolean notRunning(PowerState s) {
        return s == PowerState.STOPPED || s == PowerState.MISSING;
    }
}
