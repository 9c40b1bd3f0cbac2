package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.SetMachineTypeInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.instances.setMachineType", api = "gce", description = "Changes the machine type of a stopped instance.")
public class InstancesSetMachineType extends GceOperation<SetMachineTypeInstanceRequest> {
    private final Instances instances;
    private final Catalog catalog;
    private final VmOperations ops;

    public InstancesSetMachineType(Instances instances, Catalog catalog, VmOperations ops) {
        super(SetMachineTypeInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.catalog = catalog;
        this.ops = ops;
    }

    @Override
    protected Message run(SetMachineTypeInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        String type = r.getInstancesSetMachineTypeRequestResource().getMachineType();
        if (type.isEmpty()) {
            throw GceException.required("resource.machineType");
        }
        var offering = catalog.offering(type).orElseThrow(() -> GceException.invalid("resource.machineType", type,
                "Machine type does not exist in zone '" + r.getZone() + "'."));
        if (vm.state() != io.skyport.core.vm.VmState.Stopped) {
            throw new GceException(GceError.BAD_REQUEST, "The resource 'projects/" + call.project() + "/zones/"
                    + r.getZone() + "/instances/" + vm.name() + "' is not ready: it must be stopped (TERMINATED) to "
                    + "change its machine type.");
        }
        return instances.submit(call, "compute.instances.setMachineType", vm, id -> ops.changeOffering(call.ctx(), id,
                offering));
    }
}
