package io.skyport.core.volume;

import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data volumes: created from a disk offering, attached to one VM at a time, grown, deleted when
 * detached. Attach, detach and delete also act on the VM's host through its driver (mounting the
 * volume in the VM's instance, removing its storage), inside the same transaction as the row
 * change: a driver that fails rolls the row change back, so the database never claims what the
 * host did not do.
 */
@Component
public class VolumeService {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final int MAX_DEVICES = 15;
    private static final long MAX_GB = 65_536;

    private final VolumeDao volumes;
    private final DiskOfferingDao offerings;
    private final VmDao vms;
    private final IdentityService identity;
    private final ResourceCounter counter;
    private final EventService events;
    private final TransactionTemplate tx;
    private final ResourceTagDao tags;
    private final VolumeHosts hosts;

    public VolumeService(VolumeDao volumes, DiskOfferingDao offerings, VmDao vms, IdentityService identity,
                         ResourceCounter counter, EventService events, TransactionTemplate tx, ResourceTagDao tags,
                         VolumeHosts hosts) {
        this.hosts = hosts;
        this.volumes = volumes;
        this.offerings = offerings;
        this.vms = vms;
        this.identity = identity;
        this.counter = counter;
        this.events = events;
        this.tx = tx;
        this.tags = tags;
    }

    public Volume create(CallContext caller, long ownerAccountId, String name, long zoneId, long diskOfferingId,
                         Long sizeGb) {
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        long gb = checkCreate(name, diskOfferingId, sizeGb);
        DiskOffering o = offering(diskOfferingId);
        String volumeName = name == null || name.isBlank() ? "DATA-" + UUID.randomUUID().toString().substring(0, 8)
                : name;
        long id = tx.execute(s -> {
            counter.reserve(owner.id(), Map.of(ResourceType.VOLUME, 1L, ResourceType.PRIMARY_STORAGE, gb));
            return volumes.insert(UUID.randomUUID().toString(), volumeName, owner.id(), owner.domainId(), zoneId, null,
                    null, o.id(), "DATADISK", gb * GIB, "Ready");
        });
        Volume v = volumes.find(id).orElseThrow();
        events.record(caller, "VOLUME.CREATE", "Created volume " + volumeName, "Volume", v.uuid());
        return v;
    }

    /**
     * The parameter checks of createVolume, run before its job is queued so bad input is a 431
     * answer rather than a failed job. Returns the size in GB.
     */
    public long checkCreate(String name, long diskOfferingId, Long sizeGb) {
        if (name != null && name.length() > 255) {
            throw new ApiException(ApiError.PARAM_ERROR, "name: at most 255 characters");
        }
        return sizeGb(offering(diskOfferingId), sizeGb);
    }

    private DiskOffering offering(long id) {
        return offerings.find(id).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find disk offering"));
    }

    private static long sizeGb(DiskOffering o, Long requested) {
        if (!o.customized()) {
            if (requested != null && requested != o.diskSizeGb()) {
                throw new ApiException(ApiError.PARAM_ERROR, "size: disk offering " + o.name() + " has a fixed size of "
                        + o.diskSizeGb() + " GB");
            }
            return o.diskSizeGb();
        }
        if (requested == null || requested < 1 || requested > MAX_GB) {
            throw new ApiException(ApiError.PARAM_ERROR, "size: disk offering " + o.name() + " is customized, so a "
                    + "size of 1.." + MAX_GB + " GB is required");
        }
        return requested;
    }

    /** The parameter checks of attachVolume that need no state (state is checked by the job). */
    public void checkAttach(long volumeId, Integer deviceId) {
        if (deviceId != null && (deviceId < 1 || deviceId > MAX_DEVICES)) {
            throw new ApiException(ApiError.PARAM_ERROR, "deviceid: use 1.." + MAX_DEVICES + " (0 is the ROOT disk)");
        }
        if ("ROOT".equals(load(volumeId).volumeType())) {
            throw new ApiException(ApiError.PARAM_ERROR, "id: a ROOT volume cannot be attached");
        }
    }

    public void checkDetach(long volumeId) {
        if ("ROOT".equals(load(volumeId).volumeType())) {
            throw new ApiException(ApiError.PARAM_ERROR, "id: a ROOT volume cannot be detached");
        }
    }

    /** Resize rules that depend only on the request and the current size: grow only. */
    public long checkResize(long volumeId, Long sizeGb, Long diskOfferingId) {
        Volume v = load(volumeId);
        if (!"DATADISK".equals(v.volumeType())) {
            throw new ApiException(ApiError.PARAM_ERROR, "id: only data volumes can be resized");
        }
        long newGb;
        if (diskOfferingId != null) {
            newGb = sizeGb(offering(diskOfferingId), sizeGb);
        } else if (sizeGb != null) {
            if (sizeGb < 1 || sizeGb > MAX_GB) {
                throw new ApiException(ApiError.PARAM_ERROR, "size: use 1.." + MAX_GB + " GB");
            }
            newGb = sizeGb;
        } else {
            throw new ApiException(ApiError.PARAM_ERROR, "size or diskofferingid is required");
        }
        long oldGb = v.sizeBytes() / GIB;
        if (newGb <= oldGb) {
            throw new ApiException(ApiError.PARAM_ERROR, "size: volumes only grow; " + newGb + " GB is not more than "
                    + oldGb + " GB");
        }
        return newGb;
    }

    public Volume attach(CallContext caller, long volumeId, long vmId, Integer deviceId) {
        checkAttach(volumeId, deviceId);
        Volume v = load(volumeId);
        Vm vm = vms.find(vmId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM"));
        if (v.vmId() != null) {
            throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " is already attached");
        }
        if (vm.accountId() != v.accountId() || vm.zoneId() != v.zoneId()) {
            throw new ApiException(ApiError.PARAM_ERROR, "The volume and the VM must belong to the same account and "
                    + "zone");
        }
        if (vm.state() != VmState.Running && vm.state() != VmState.Stopped) {
            throw new ApiException(ApiError.INVALID_STATE, "Volumes attach to Running or Stopped VMs; " + vm.name()
                    + " is " + vm.state());
        }
        VolumeHosts.Target target = hosts.of(vm).orElse(null);
        checkHostAllows(vm, target, "attach");
        checkSameHost(v, vm, target);
        Set<Integer> used = new HashSet<>();
        volumes.ofVm(vm.id()).forEach(x -> used.add(x.deviceId()));
        int device = deviceId != null ? deviceId : 1;
        if (deviceId == null) {
            while (used.contains(device)) {
                device++;
            }
        }
        if (device > MAX_DEVICES) {
            throw new ApiException(ApiError.INVALID_STATE, vm.name() + " has no free device left (1.." + MAX_DEVICES
                    + ")");
        }
        if (used.contains(device)) {
            throw new ApiException(ApiError.PARAM_ERROR, "deviceid: device " + device + " of " + vm.name()
                    + " is in use");
        }
        int slot = device;
        try {
            tx.executeWithoutResult(s -> {
                if (!volumes.attach(v.id(), vm.id(), slot)) {
                    throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " is already attached");
                }
                if (target != null) {
                    onHost(target, "attach volume " + v.name() + " to VM " + vm.name(), () -> target.driver()
                            .attachVolume(target.host().ref(), vm.uuid(), VolumeHosts.ref(v, slot)));
                    if (target.driver().hostLocalVolumes()) {
                        volumes.placeOnHost(v.id(), target.host().id());
                    }
                }
            });
        } catch (DuplicateKeyException raced) {
            // a concurrent attach to the same VM took the device first
            throw new ApiException(ApiError.INVALID_STATE, "Device " + device + " of " + vm.name() + " was just taken; "
                    + "retry");
        }
        events.record(caller, "VOLUME.ATTACH", "Attached volume " + v.name() + " to " + vm.name(), "Volume", v.uuid());
        return load(volumeId);
    }

    /**
     * Some hosts cannot change a running instance's mounts (a Docker container's are fixed when it
     * is made): there a running VM must be stopped before a volume is attached or detached.
     */
    private static void checkHostAllows(Vm vm, VolumeHosts.Target target, String action) {
        if (target != null && vm.state() == VmState.Running && !target.driver().attachesVolumesWhileRunning()) {
            throw new ApiException(ApiError.INVALID_STATE, "Unable to " + action + " a volume while VM " + vm.name()
                    + " is Running: its " + target.driver().hypervisorType() + " host " + target.host().name()
                    + " cannot change the mounts of a running container; stop the VM first");
        }
    }

    /** A volume whose content is kept on one host can only be used by a VM on that host. */
    private void checkSameHost(Volume v, Vm vm, VolumeHosts.Target target) {
        if (v.hostId() == null) {
            return;
        }
        Long vmHost = target != null ? Long.valueOf(target.host().id()) : hosts.pinnedHost(vm.id()).orElse(null);
        if (vmHost != null && !vmHost.equals(v.hostId())) {
            String where = hosts.host(v.hostId()).map(t -> t.host().name()).orElse("another host");
            throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " keeps its data on host " + where
                    + ", and VM " + vm.name() + " is on another host; attach it to a VM on " + where);
        }
    }

    /** Runs a driver call; its failure (not a refusal with an API error) becomes the API's server error. */
    private static void onHost(VolumeHosts.Target target, String what, Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ApiException(ApiError.INTERNAL, "Unable to " + what + " on host " + target.host().name() + ": "
                    + e.getMessage());
        }
    }

    public Volume detach(CallContext caller, long volumeId) {
        checkDetach(volumeId);
        Volume v = load(volumeId);
        Vm vm = v.vmId() == null ? null : vms.find(v.vmId()).orElse(null);
        if (vm != null && vm.state() != VmState.Running && vm.state() != VmState.Stopped) {
            throw new ApiException(ApiError.INVALID_STATE, "Volumes detach from Running or Stopped VMs; " + vm.name()
                    + " is " + vm.state());
        }
        if (v.vmId() == null) {
            throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " is not attached");
        }
        VolumeHosts.Target target = vm == null ? null : hosts.of(vm).orElse(null);
        if (vm != null) {
            checkHostAllows(vm, target, "detach");
        }
        tx.executeWithoutResult(s -> {
            if (!volumes.detach(v.id())) {
                throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " is not attached");
            }
            if (target != null && v.deviceId() != null) {
                onHost(target, "detach volume " + v.name() + " from VM " + vm.name(), () -> target.driver()
                        .detachVolume(target.host().ref(), vm.uuid(), VolumeHosts.ref(v, v.deviceId())));
            }
        });
        events.record(caller, "VOLUME.DETACH", "Detached volume " + v.name(), "Volume", v.uuid());
        return load(volumeId);
    }

    public Volume resize(CallContext caller, long volumeId, Long sizeGb, Long diskOfferingId) {
        long newGb = checkResize(volumeId, sizeGb, diskOfferingId);
        Volume v = load(volumeId);
        long oldGb = v.sizeBytes() / GIB;
        tx.executeWithoutResult(s -> {
            counter.reserve(v.accountId(), Map.of(ResourceType.PRIMARY_STORAGE, newGb - oldGb));
            volumes.resize(v.id(), newGb * GIB, diskOfferingId);
        });
        events.record(caller, "VOLUME.RESIZE", "Resized volume " + v.name() + " to " + newGb + " GB", "Volume",
                v.uuid());
        return load(volumeId);
    }

    public void delete(CallContext caller, long volumeId) {
        Volume v = load(volumeId);
        if (!"DATADISK".equals(v.volumeType())) {
            throw new ApiException(ApiError.PARAM_ERROR, "id: a ROOT volume goes with its VM and cannot be deleted");
        }
        String attached = "Volume " + v.name() + " is attached to a VM; detach it first";
        if (v.vmId() != null) {
            throw new ApiException(ApiError.INVALID_STATE, attached);
        }
        tx.executeWithoutResult(s -> {
            if (!volumes.removeDetached(v.id())) {
                // attached (or deleted) since it was read: the conditional update kept it
                throw new ApiException(ApiError.INVALID_STATE, attached);
            }
            counter.release(v.accountId(), ResourceType.VOLUME, 1);
            counter.release(v.accountId(), ResourceType.PRIMARY_STORAGE, v.sizeBytes() / GIB);
            tags.delete("Volume", v.id(), null, null);
            // last, so storage the host could not remove leaves the volume as it was (the rollback)
            if (v.hostId() != null) {
                hosts.host(v.hostId()).ifPresent(target -> onHost(target, "delete volume " + v.name(),
                        () -> target.driver().deleteVolume(target.host().ref(), VolumeHosts.ref(v, 0))));
            }
        });
        events.record(caller, "VOLUME.DELETE", "Deleted volume " + v.name(), "Volume", v.uuid());
    }

    private Volume load(long id) {
        return volumes.find(id).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find volume"));
    }
}
