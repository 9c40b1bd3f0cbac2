package io.skyport.core.vm;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.cluster.FaultPoint;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.AddressAllocator;
import io.skyport.core.volume.VolumeHosts;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Power operations on one VM: start, stop, reboot, destroy, recover, expunge. Each runs inside
 * a job whose sync key is the VM, so operations on one VM never interleave; each checks the
 * state machine when it runs (not when it was submitted) and leaves the VM in a consistent
 * state, with capacity released, whatever the driver does.
 */
@Component
public class VmOperations {
    private static final Logger LOG = LogManager.getLogger(VmOperations.class);
    private static final int START_ATTEMPTS = 3;

    private final VmDao vms;
    private final HostDao hostDao;
    private final TemplateDao templates;
    private final SshKeyPairDao keypairs;
    private final AccountDao accounts;
    private final Placement placement;
    private final VmProvisioner provisioner;
    private final EventService events;
    private final TransactionTemplate tx;
    private final ResourceCounter counter;
    private final AddressAllocator addresses;
    private final VolumeHosts volumeHosts;

    public VmOperations(VmDao vms, HostDao hostDao, TemplateDao templates, SshKeyPairDao keypairs, AccountDao accounts,
                        Placement placement, VmProvisioner provisioner, EventService events, TransactionTemplate tx,
                        ResourceCounter counter, AddressAllocator addresses, VolumeHosts volumeHosts) {
        this.addresses = addresses;
        this.volumeHosts = volumeHosts;
        this.tx = tx;
        this.counter = counter;
        this.vms = vms;
        this.hostDao = hostDao;
        this.templates = templates;
        this.keypairs = keypairs;
        this.accounts = accounts;
        this.placement = placement;
        this.provisioner = provisioner;
        this.events = events;
    }

    private Vm load(long id) {
        return vms.find(id).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM by id " + id));
    }

    private static ApiException invalidState(Vm vm, String action) {
        return new ApiException(ApiError.INVALID_STATE, "Unable to " + action + " VM " + vm.name()
                + " because it is in state " + vm.state());
    }

    /**
     * Starts a stopped VM on a host with room, trying other hosts if the driver fails. A VM with a
     * data volume whose content is kept on one host starts only there.
     */
    public Vm start(CallContext caller, long vmId, Long requestedHostId) {
        Vm vm = load(vmId);
        if (vm.state() != VmState.Stopped) {
            throw invalidState(vm, "start");
        }
        Long pinned = volumeHosts.pinnedHost(vm.id()).orElse(null);
        if (pinned != null && requestedHostId != null && !pinned.equals(requestedHostId)) {
            throw new ApiException(ApiError.PARAM_ERROR, "hostid: VM " + vm.name() + " has a data volume whose "
                    + "data is on another host; it starts only on that host (detach the volume to start it elsewhere)");
        }
        Long hostId = pinned != null ? pinned : requestedHostId;
        List<Long> avoid = new ArrayList<>();
        RuntimeException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Host host;
            try {
                // the reservation and the move to Starting commit together, or neither does
                host = tx.execute(status -> {
                    Host chosen = placement.reserve(vm, hostId, avoid);
                    if (!vms.transition(vm.id(), VmState.Stopped, VmState.Starting, chosen.id())) {
                        throw invalidState(load(vmId), "start");
                    }
                    guestAddresses(vm, chosen);
                    return chosen;
                });
            } catch (ApiException noRoom) {
                if (last == null) {
                    events.record(caller, "VM.START", "WARN", "Failed", noRoom.getMessage(), "VirtualMachine",
                            vm.uuid());
                    throw noRoom;
                }
                break;
            }
            try {
                FaultPoint.hit("vm.start.reserved");
                HypervisorDriver driver = placement.driverOf(host);
                driver.start(host.ref(), spec(vm));
                FaultPoint.hit("vm.start.host-started");
                volumeHosts.placed(vm.id(), new VolumeHosts.Target(host, driver));
                tx.executeWithoutResult(status -> {
                    vms.transition(vm.id(), VmState.Starting, VmState.Running, host.id());
                    events.record(caller, "VM.START", "Started VM " + vm.name() + " on host " + host.name(),
                            "VirtualMachine", vm.uuid());
                });
                FaultPoint.hit("vm.start.running");
                return load(vmId);
            } catch (RuntimeException e) {
                last = e;
                placement.release(host.id(), vm);
                vms.transition(vm.id(), VmState.Starting, VmState.Stopped, null);
                avoid.add(host.id());
                LOG.warn("start of VM {} failed on host {}: {}", vm.uuid(), host.name(), e.getMessage());
            }
        }
        String why = last == null ? "no host available" : last.getMessage();
        events.record(caller, "VM.START", "ERROR", "Failed", "Failed to start VM " + vm.name() + ": " + why,
                "VirtualMachine", vm.uuid());
        throw new ApiException(ApiError.INSUFFICIENT_CAPACITY, "Unable to start VM " + vm.name() + ": " + why);
    }

    /**
     * A VM has guest addresses only where its host attaches it to the guest network: on a host
     * that does not (a container engine without a network) its addresses are released, so no API
     * reports an address nothing answers at; on one that does, a VM that had none gets them back.
     */
    private void guestAddresses(Vm vm, Host host) {
        if (placement.driverOf(host).attachesGuestNetwork(host.ref())) {
            addresses.readdress(vm.id());
        } else if (addresses.release(vm.id()) > 0) {
            LOG.info("VM {} placed on host {}, which gives it no guest network: its guest address is released",
                    vm.uuid(), host.name());
        }
    }

    /** Stops a running VM; {@code forced} stops it in the database even when the host fails. */
    public Vm stop(CallContext caller, long vmId, boolean forced) {
        Vm vm = load(vmId);
        if (vm.state() != VmState.Running) {
            throw invalidState(vm, "stop");
        }
        Optional<Host> host = stopOnHost(caller, vm, forced);
        // the state, the host's capacity and the event commit together (one write to the database, not three)
        tx.executeWithoutResult(status -> {
            vms.transition(vm.id(), VmState.Stopping, VmState.Stopped, null);
            host.ifPresent(h -> placement.release(h.id(), vm));
            events.record(caller, "VM.STOP", "Stopped VM " + vm.name(), "VirtualMachine", vm.uuid());
        });
        FaultPoint.hit("vm.stop.stopped");
        return load(vmId);
    }

    /**
     * Moves a Running VM to Stopping (committed before the host is asked, so a crash leaves a VM
     * the reconciler settles from what the host reports) and stops its instance. A host that fails
     * puts the VM back to Running and fails the call, unless {@code forced}: then the failure is
     * logged and the VM is stopped anyway. Returns the VM's host, whose capacity the caller releases.
     */
    private Optional<Host> stopOnHost(CallContext caller, Vm vm, boolean forced) {
        if (!vms.transition(vm.id(), VmState.Running, VmState.Stopping, vm.hostId())) {
            throw invalidState(load(vm.id()), "stop");
        }
        FaultPoint.hit("vm.stop.stopping");
        Optional<Host> host = vm.hostId() == null ? Optional.empty() : hostDao.host(vm.hostId());
        try {
            host.ifPresent(h -> placement.driverOf(h).stop(h.ref(), vm.uuid(), forced));
            FaultPoint.hit("vm.stop.host-stopped");
        } catch (RuntimeException e) {
            if (!forced) {
                vms.transition(vm.id(), VmState.Stopping, VmState.Running, vm.hostId());
                events.record(caller, "VM.STOP", "ERROR", "Failed", "Failed to stop VM " + vm.name() + ": "
                        + e.getMessage(), "VirtualMachine", vm.uuid());
                throw new ApiException(ApiError.INTERNAL, "Unable to stop VM " + vm.name() + ": " + e.getMessage());
            }
            LOG.warn("forced stop of VM {}: host failed ({}), stopping it anyway", vm.uuid(), e.getMessage());
        }
        return host;
    }

    public Vm reboot(CallContext caller, long vmId) {
        Vm vm = load(vmId);
        if (vm.state() != VmState.Running || vm.hostId() == null) {
            throw invalidState(vm, "reboot");
        }
        Host host = hostDao.host(vm.hostId()).orElseThrow(() -> invalidState(vm, "reboot"));
        try {
            placement.driverOf(host).reboot(host.ref(), vm.uuid());
        } catch (RuntimeException e) {
            events.record(caller, "VM.REBOOT", "ERROR", "Failed", "Failed to reboot VM " + vm.name() + ": "
                    + e.getMessage(), "VirtualMachine", vm.uuid());
            throw new ApiException(ApiError.INTERNAL, "Unable to reboot VM " + vm.name() + ": " + e.getMessage());
        }
        events.record(caller, "VM.REBOOT", "Rebooted VM " + vm.name(), "VirtualMachine", vm.uuid());
        return load(vmId);
    }

    /** Destroys a VM (stopping it first); with {@code expunge} it is removed at once. */
    public Vm destroy(CallContext caller, long vmId, boolean expunge) {
        Vm vm = load(vmId);
        if (vm.state() == VmState.Running) {
            return expunge ? expungeRunning(caller, vm) : destroyRunning(caller, vm);
        }
        if (vm.state() == VmState.Destroyed && expunge) {
            return expunge(caller, vmId);
        }
        if (vm.state() != VmState.Stopped && vm.state() != VmState.Error) {
            throw invalidState(vm, "destroy");
        }
        Vm stopped = vm;
        tx.executeWithoutResult(status -> {
            if (!vms.transition(stopped.id(), stopped.state(), VmState.Destroyed, null)) {
                throw invalidState(load(vmId), "destroy");
            }
            provisioner.releaseRunningCounters(stopped);
            events.record(caller, "VM.DESTROY", "Destroyed VM " + stopped.name(), "VirtualMachine", stopped.uuid());
        });
        FaultPoint.hit("vm.destroy.destroyed");
        return expunge ? expunge(caller, vmId) : load(vmId);
    }

    /**
     * Destroy (without expunge) of a running VM: a forced stop whose end commits the VM Destroyed,
     * with its capacity, its running counters and both events (VM.STOP, VM.DESTROY), in one
     * transaction rather than a stop's and then a destroy's. A crash in between leaves the VM
     * Stopping, which the reconciler settles to Stopped: the caller's job fails and may be retried.
     */
    private Vm destroyRunning(CallContext caller, Vm vm) {
        Optional<Host> host = stopOnHost(caller, vm, true);
        tx.executeWithoutResult(status -> {
            vms.transition(vm.id(), VmState.Stopping, VmState.Destroyed, null);
            host.ifPresent(h -> placement.release(h.id(), vm));
            provisioner.releaseRunningCounters(vm);
            events.record(caller, "VM.STOP", "Stopped VM " + vm.name(), "VirtualMachine", vm.uuid());
            events.record(caller, "VM.DESTROY", "Destroyed VM " + vm.name(), "VirtualMachine", vm.uuid());
        });
        FaultPoint.hit("vm.stop.stopped");
        FaultPoint.hit("vm.destroy.destroyed");
        return load(vm.id());
    }

    /**
     * Destroy with expunge of a running VM: the host removes the instance in one driver call
     * (which ends it as a forced stop would) rather than a stop and then a removal. The VM is
     * Expunging, its capacity and running counters released, before the host is asked, so that a
     * crash at any point leaves an interrupted expunge, which recovery finishes, never a VM the
     * caller asked to remove coming back. As with a forced stop, a host that fails does not keep
     * the VM: it is logged, and an instance left behind is reported as an orphan.
     */
    private Vm expungeRunning(CallContext caller, Vm vm) {
        Optional<Host> host = vm.hostId() == null ? Optional.empty() : hostDao.host(vm.hostId());
        tx.executeWithoutResult(status -> {
            if (!vms.transition(vm.id(), VmState.Running, VmState.Expunging, null)) {
                throw invalidState(load(vm.id()), "destroy");
            }
            host.ifPresent(h -> placement.release(h.id(), vm));
            provisioner.releaseRunningCounters(vm);
            events.record(caller, "VM.STOP", "Stopped VM " + vm.name(), "VirtualMachine", vm.uuid());
            events.record(caller, "VM.DESTROY", "Destroyed VM " + vm.name(), "VirtualMachine", vm.uuid());
        });
        FaultPoint.hit("vm.expunge.expunging");
        host.ifPresent(h -> removeFromHost(h, vm));
        tx.executeWithoutResult(status -> {
            provisioner.removeRows(vm, false);
            events.record(caller, EventService.VM_EXPUNGE, "Expunged VM " + vm.name(), "VirtualMachine", vm.uuid());
        });
        return vm;
    }

    /**
     * Asks the host to remove the VM's instance. As with a forced stop, a host that fails does not
     * keep the VM: the failure is logged, and an instance left behind is reported as an orphan.
     */
    private void removeFromHost(Host h, Vm vm) {
        try {
            placement.driverOf(h).destroy(h.ref(), vm.uuid());
            FaultPoint.hit("vm.expunge.host-removed");
        } catch (RuntimeException e) {
            LOG.warn("host {} could not remove VM {}: {}", h.name(), vm.uuid(), e.getMessage());
        }
    }

    public Vm recover(CallContext caller, long vmId) {
        Vm vm = load(vmId);
        if (vm.state() != VmState.Destroyed) {
            throw invalidState(vm, "recover");
        }
        provisioner.reserveRunningCounters(vm);
        if (!vms.transition(vm.id(), VmState.Destroyed, VmState.Stopped, null)) {
            provisioner.releaseRunningCounters(vm);
            throw invalidState(load(vmId), "recover");
        }
        events.record(caller, "VM.RECOVER", "Recovered VM " + vm.name(), "VirtualMachine", vm.uuid());
        return load(vmId);
    }

    /** Removes a destroyed (or failed) VM from its host and from the database. */
    public Vm expunge(CallContext caller, long vmId) {
        Vm vm = load(vmId);
        boolean countersHeld = vm.state() != VmState.Destroyed;
        if (vm.state() != VmState.Expunging) {
            if (!vm.state().canMoveTo(VmState.Expunging) || !vms.transition(vm.id(), vm.state(), VmState.Expunging,
                    null)) {
                throw invalidState(vm, "expunge");
            }
        }
        FaultPoint.hit("vm.expunge.expunging");
        Long hostId = vm.hostId() != null ? vm.hostId() : vm.lastHostId();
        if (hostId != null) {
            hostDao.host(hostId).ifPresent(h -> removeFromHost(h, vm));
        }
        tx.executeWithoutResult(status -> {
            provisioner.removeRows(vm, countersHeld && vm.state() != VmState.Expunging);
            events.record(caller, EventService.VM_EXPUNGE, "Expunged VM " + vm.name(), "VirtualMachine", vm.uuid());
        });
        return vm;
    }

    /** Changes names or user data; new user data reaches the VM at its next start. */
    public Vm update(CallContext caller, long vmId, String displayName, String name, String userData) {
        Vm vm = load(vmId);
        if (vm.state() == VmState.Destroyed || vm.state() == VmState.Expunging) {
            throw invalidState(vm, "update");
        }
        provisioner.checkUpdate(name, userData);
        vms.update(vm.id(), displayName, userData, name);
        events.record(caller, "VM.UPDATE", "Updated VM " + vm.name(), "VirtualMachine", vm.uuid());
        return load(vmId);
    }

    /**
     * Gives a stopped VM another service offering (its size at the next start). The account's
     * cpu and memory counters follow the difference, within its limits.
     */
    public Vm changeOffering(CallContext caller, long vmId, ServiceOffering offering) {
        Vm vm = load(vmId);
        if (vm.state() != VmState.Stopped) {
            throw invalidState(vm, "change the service offering of");
        }
        tx.executeWithoutResult(status -> {
            long cpu = (long) offering.cpus() - vm.cpus();
            long memory = (long) offering.memoryMb() - vm.memoryMb();
            java.util.Map<ResourceType, Long> more = new java.util.EnumMap<>(ResourceType.class);
            if (cpu > 0) {
                more.put(ResourceType.CPU, cpu);
            }
            if (memory > 0) {
                more.put(ResourceType.MEMORY, memory);
            }
            counter.reserve(vm.accountId(), more);
            if (cpu < 0) {
                counter.release(vm.accountId(), ResourceType.CPU, -cpu);
            }
            if (memory < 0) {
                counter.release(vm.accountId(), ResourceType.MEMORY, -memory);
            }
            if (!vms.changeOffering(vm.id(), offering.id(), offering.cpus(), offering.cpuSpeed(), offering.memoryMb())) {
                throw invalidState(load(vmId), "change the service offering of");
            }
        });
        events.record(caller, "VM.UPGRADE", "Changed the service offering of VM " + vm.name() + " to "
                + offering.name(), "VirtualMachine", vm.uuid());
        return load(vmId);
    }

    /** What the VM wrote to its console, as its (last) host reports it; empty when it never ran. */
    public String consoleOutput(Vm vm) {
        Long hostId = vm.hostId() != null ? vm.hostId() : vm.lastHostId();
        if (hostId == null) {
            return "";
        }
        return hostDao.host(hostId).map(h -> {
            String out = placement.driverOf(h).consoleOutput(h.ref(), vm.uuid());
            return out == null ? "" : out;
        }).orElse("");
    }

    /** After a failed deploy: the VM never ran, so it goes away entirely. */
    public void discardFailedDeploy(CallContext caller, long vmId, String reason) {
        vms.find(vmId).ifPresent(vm -> {
            if (vm.state() == VmState.Stopped || vm.state() == VmState.Error) {
                vms.transition(vm.id(), vm.state(), VmState.Error, null);
                events.record(caller, "VM.CREATE", "ERROR", "Failed", "Deploy of VM " + vm.name() + " failed: "
                        + reason, "VirtualMachine", vm.uuid());
                expunge(caller, vmId);
            }
        });
    }

    /** What the driver needs to run the VM. */
    VmSpec spec(Vm vm) {
        Template t = templates.find(vm.templateId()).orElseThrow();
        List<String> keys = new ArrayList<>();
        if (vm.keypairs() != null) {
            for (String name : vm.keypairs().split(",")) {
                keypairs.findByName(vm.accountId(), name).ifPresent(k -> keys.add(k.publicKey()));
            }
        }
        String account = accounts.findById(vm.accountId()).map(a -> a.uuid()).orElse("");
        return new VmSpec(vm.uuid(), vm.name(), account, vm.cpus(), vm.cpuSpeed(), vm.memoryMb(), image(t),
                vm.userData(), keys, Map.of("skyport.vm", vm.uuid()), rootfsTarball(t) ? t.url() : null,
                volumeHosts.refs(vm.id()), addresses.nicRefs(vm.id()));
    }

    /**
     * A root file system tarball (format TAR) is imported by the host under a name of the
     * template's own, unless the template names the image; container images (CONTAINER) are
     * named by their image detail, else by the template's name.
     */
    static String image(Template t) {
        if (t.image() != null) {
            return t.image();
        }
        return rootfsTarball(t) ? "skyport-template-" + t.uuid().toLowerCase(java.util.Locale.ROOT) : t.name();
    }

    private static boolean rootfsTarball(Template t) {
        return "TAR".equals(t.format());
    }

    public Optional<HypervisorDriver.PowerState> observed(Vm vm) {
        Long hostId = vm.hostId() != null ? vm.hostId() : vm.lastHostId();
        if (hostId == null) {
            return Optional.of(HypervisorDriver.PowerState.MISSING);
        }
        return hostDao.host(hostId).map(h -> {
            try {
                return placement.driverOf(h).status(h.ref(), vm.uuid());
            } catch (RuntimeException e) {
                return HypervisorDriver.PowerState.UNKNOWN;
            }
        });
    }
}
