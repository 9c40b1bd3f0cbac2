package io.skyport.core.vm;

import io.skyport.core.event.EventService;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.job.JobService;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver.PowerState;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Notices VMs that stopped behind Skyport's back (a container killed on its host, a guest that
 * shut itself down) and records them as Stopped, with their host capacity released. Hosts are
 * asked for everything they run in one call per host; each VM found not running is then settled
 * in a job queued on the VM, so it waits for any start, stop or reboot already under way and
 * asks the host again before changing anything.
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

    public PowerStateSync(VmDao vms, HostDao hostDao, Placement placement, VmOperations ops, JobService jobs,
                          EventService events) {
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
            queued += syncHost(h);
        }
        return queued;
    }

    int syncHost(Host h) {
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
                jobs.submit(CallContext.system(), "syncVirtualMachinePowerState", "VirtualMachine", vm.uuid(),
                        "VirtualMachine:" + vm.uuid(), job -> {
                            settle(vm.id(), h.id());
                            return null;
                        });
                queued++;
            }
        }
        return queued;
    }

    /** Runs in the VM's queue: moves it to Stopped if it is still Running on that host and still not running there. */
    boolean settle(long vmId, long hostId) {
        Vm vm = vms.find(vmId).orElse(null);
        if (vm == null || vm.state() != VmState.Running || vm.hostId() == null || vm.hostId() != hostId) {
            return false;
        }
        PowerState now = ops.observed(vm).orElse(PowerState.UNKNOWN);
        if (!notRunning(now)) {
            return false;
        }
        if (!vms.transition(vm.id(), VmState.Running, VmState.Stopped, null)) {
            return false;
        }
        placement.release(hostId, vm);
        LOG.warn("VM {} is {} on its host although Running here: now Stopped", vm.uuid(), now);
        events.record(CallContext.system(), "VM.STOP", "Stopped VM " + vm.name() + ": its host reports it "
                + now.name().toLowerCase() + " (stopped outside Skyport)", "VirtualMachine", vm.uuid());
        return true;
    }

    private static boolean notRunning(PowerState s) {
        return s == PowerState.STOPPED || s == PowerState.MISSING;
    }
}
