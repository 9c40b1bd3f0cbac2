package io.skyport.core.volume;

import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Data volumes: created from a disk offering, attached to one VM at a time, grown, deleted when detached. */
@Component
public class VolumeService {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final int MAX_DEVICES = 15;

    private final VolumeDao volumes;
    private final DiskOfferingDao offerings;
    private final VmDao vms;
    private final IdentityService identity;
    private final ResourceCounter counter;
    private final EventService events;
    private final TransactionTemplate tx;

    public VolumeService(VolumeDao volumes, DiskOfferingDao offerings, VmDao vms, IdentityService identity,
                         ResourceCounter counter, EventService events, TransactionTemplate tx) {
        this.volumes = volumes;
        this.offerings = offerings;
        this.vms = vms;
        this.identity = identity;
        this.counter = counter;
        this.events = events;
        this.tx = tx;
    }

    public Volume create(CallContext caller, long ownerAccountId, String name, long zoneId, long diskOfferingId,
                         Long sizeGb) {
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        DiskOffering o = offerings.find(diskOfferingId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "Unable to find disk offering"));
        long gb = sizeGb(o, sizeGb);
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

    private static long sizeGb(DiskOffering o, Long requested) {
        if (!o.customized()) {
            return o.diskSizeGb();
        }
        if (requested == null || requested < 1 || requested > 65_536) {
            throw new ApiException(ApiError.PARAM_ERROR, "Disk offering " + o.name() + " is customized: size (GB, "
                    + "1..65536) is required");
        }
        return requested;
    }

    public Volume attach(CallContext caller, long volumeId, long vmId, Integer deviceId) {
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
        Set<Integer> used = new HashSet<>();
        volumes.ofVm(vm.id()).forEach(x -> used.add(x.deviceId()));
        int device = deviceId != null ? deviceId : 1;
        if (deviceId == null) {
            while (used.contains(device)) {
                device++;
            }
        }
        if (device < 1 || device > MAX_DEVICES || used.contains(device)) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid deviceid " + device + ": use a free id 1.."
                    + MAX_DEVICES);
        }
        if (!volumes.attach(v.id(), vm.id(), device)) {
            throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " is already attached");
        }
        events.record(caller, "VOLUME.ATTACH", "Attached volume " + v.name() + " to " + vm.name(), "Volume", v.uuid());
        return load(volumeId);
    }

    public Volume detach(CallContext caller, long volumeId) {
        Volume v = load(volumeId);
        if ("ROOT".equals(v.volumeType())) {
            throw new ApiException(ApiError.INVALID_STATE, "A ROOT volume cannot be detached");
        }
        if (v.vmId() == null) {
            throw new ApiException(ApiError.INVALID_STATE, "Volume " + v.name() + " is not attached");
        }
        volumes.detach(v.id());
        events.record(caller, "VOLUME.DETACH", "Detached volume " + v.name(), "Volume", v.uuid());
        return load(volumeId);
    }

    public Volume resize(CallContext caller, long volumeId, Long sizeGb, Long diskOfferingId) {
        Volume v = load(volumeId);
        long newGb;
        if (diskOfferingId != null) {
            DiskOffering o = offerings.find(diskOfferingId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                    "Unable to find disk offering"));
            newGb = sizeGb(o, sizeGb);
        } else if (sizeGb != null) {
            newGb = sizeGb;
        } else {
            throw new ApiException(ApiError.PARAM_ERROR, "Either size or diskofferingid is required");
        }
        long oldGb = v.sizeBytes() / GIB;
        if (newGb <= oldGb) {
            throw new ApiException(ApiError.PARAM_ERROR, "Volumes only grow: " + newGb + " GB is not more than "
                    + oldGb + " GB");
        }
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
        if (!"DATADISK".equals(v.volumeType()) || v.vmId() != null) {
            throw new ApiException(ApiError.INVALID_STATE, "Only detached data volumes can be deleted");
        }
        tx.executeWithoutResult(s -> {
            volumes.markRemoved(v.id());
            counter.release(v.accountId(), ResourceType.VOLUME, 1);
            counter.release(v.accountId(), ResourceType.PRIMARY_STORAGE, v.sizeBytes() / GIB);
        });
        events.record(caller, "VOLUME.DELETE", "Deleted volume " + v.name(), "Volume", v.uuid());
    }

    private Volume load(long id) {
        return volumes.find(id).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find volume"));
    }
}
