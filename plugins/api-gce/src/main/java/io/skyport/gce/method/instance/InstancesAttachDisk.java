package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.AttachDiskInstanceRequest;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.core.vm.Vm;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;

/**
 * Attaches a disk as the core attaches a volume, at the instance's next free device. The disk's
 * device name is its name: the core numbers devices and keeps no names for them.
 */
@ApiCommand(name = "compute.instances.attachDisk", api = "gce", description = "Attaches a disk of the zone to an "
        + "instance; its device name is the disk's name.")
public class InstancesAttachDisk extends GceOperation<AttachDiskInstanceRequest> {
    private final Disks disks;
    private final VolumeService volumes;
    private final Locations locations;
    private final Instances instances;

    public InstancesAttachDisk(Disks disks, VolumeService volumes, Locations locations, Instances instances) {
        super(AttachDiskInstanceRequest.getDefaultInstance());
        this.disks = disks;
        this.volumes = volumes;
        this.locations = locations;
        this.instances = instances;
    }

    @Override
    protected Message run(AttachDiskInstanceRequest r, GceCall call) {
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        String zoneName = Locations.zoneName(zone);
        Vm vm = instances.find(call, zoneName, r.getInstance());
        AttachedDisk a = r.getAttachedDiskResource();
        if (a.getSource().isEmpty()) {
            throw GceException.required("resource.source");
        }
        if (a.hasInitializeParams()) {
            throw GceException.invalid("resource.initializeParams", "", "Attach an existing disk: give its source.");
        }
        if (a.getBoot()) {
            throw GceException.invalid("resource.boot", "true", "An instance's boot disk is made with the "
                    + "instance; it cannot be attached.");
        }
        Volume v = disks.bySource(call, zone, a.getSource());
        String name = Disks.name(v);
        if (a.hasDeviceName() && !a.getDeviceName().equals(name)) {
            throw GceException.invalid("resource.deviceName", a.getDeviceName(), "A disk's device name is the "
                    + "disk's name here: leave it out or give '" + name + "'.");
        }
        if (v.vmId() != null) {
            String user = disks.view(call, v).getUsersList().stream().findFirst().orElse("an instance");
            throw Disks.inUse(call, zoneName, name, user);
        }
        volumes.checkAttach(v.id(), null);
        return instances.submit(call, "compute.instances.attachDisk", vm, vmId -> volumes.attach(call.ctx(), v.id(),
                vmId, null));
    }
}
