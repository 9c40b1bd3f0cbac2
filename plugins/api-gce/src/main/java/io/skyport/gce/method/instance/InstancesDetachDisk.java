package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.DetachDiskInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.infra.Zone;
import io.skyport.core.vm.Vm;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.core.volume.VolumeService;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Disks;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.detachDisk", api = "gce", description = "Detaches the disk of that device "
        + "name (the disk's name) from an instance.")
public class InstancesDetachDisk extends GceOperation<DetachDiskInstanceRequest> {
    private final VolumeDao volumeRows;
    private final VolumeService volumes;
    private final Locations locations;
    private final Instances instances;

    public InstancesDetachDisk(VolumeDao volumeRows, VolumeService volumes, Locations locations,
                               Instances instances) {
        super(DetachDiskInstanceRequest.getDefaultInstance());
        this.volumeRows = volumeRows;
        this.volumes = volumes;
        this.locations = locations;
        this.instances = instances;
    }

    @Override
    protected Message run(DetachDiskInstanceRequest r, GceCall call) {
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        String zoneName = Locations.zoneName(zone);
        Vm vm = instances.find(call, zoneName, r.getInstance());
        if (r.getDeviceName().isEmpty()) {
            throw GceException.required("deviceName");
        }
        Volume v = volumeRows.ofVm(vm.id()).stream().filter(x -> Disks.name(x).equals(r.getDeviceName()))
                .findFirst().orElseThrow(() -> GceException.invalid("deviceName", r.getDeviceName(), "No attached "
                        + "disk of instance " + vm.name() + " has that device name."));
        if ("ROOT".equals(v.volumeType())) {
            throw GceException.invalid("deviceName", r.getDeviceName(), "The boot disk cannot be detached.");
        }
        volumes.checkDetach(v.id());
        return instances.submit(call, "compute.instances.detachDisk", vm, vmId -> volumes.detach(call.ctx(),
                v.id()));
    }
}
