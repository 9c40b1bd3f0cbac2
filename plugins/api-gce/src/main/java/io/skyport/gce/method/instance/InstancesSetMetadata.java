package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.SetMetadataInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.SshKeyItems;
import io.skyport.plugin.ApiCommand;
import java.util.List;
import java.util.Map;

@ApiCommand(name = "compute.instances.setMetadata", api = "gce", description = "Replaces the instance's metadata; the fingerprint must be the current one. user-data or startup-script become the VM's user data and ssh-keys its SSH keys, installed at the next start.")
public class InstancesSetMetadata extends GceOperation<SetMetadataInstanceRequest> {
    private final Instances instances;
    private final InstanceMetadata metadata;
    private final SshKeyItems sshKeys;
    private final VmOperations ops;
    private final VmDao vms;

    public InstancesSetMetadata(Instances instances, InstanceMetadata metadata, SshKeyItems sshKeys, VmOperations ops, VmDao vms) {
        super(SetMetadataInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.metadata = metadata;
        this.sshKeys = sshKeys;
        this.ops = ops;
        this.vms = vms;
    }

    @Override
    protected Message run(SetMetadataInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        var stored = metadata.of(vm.uuid());
        Map<String, String> current = InstanceMetadata.itemsOf(vm, stored.orElse(null));
        var body = r.getMetadataResource();
        if (!InstanceMetadata.canonicalFingerprint(body.getFingerprint())
                .equals(InstanceMetadata.fingerprint(current))) {
            throw new GceException(GceError.CONDITION_NOT_MET, "Supplied fingerprint does not match current metadata "
                    + "fingerprint.");
        }
        Map<String, String> items = InstanceMetadata.checkedItems(body);
        String userData = Metadata.userData(items);
        List<String> networkTags = stored.map(InstanceMetadata.Stored::networkTags).orElse(List.of());
        return instances.submit(call, "compute.instances.setMetadata", vm, id -> {
            List<String> keys = sshKeys.register(call, items.get(InstanceMetadata.SSH_KEYS));
            metadata.save(vm.uuid(), items, networkTags);
            ops.update(call.ctx(), id, null, null, userData == null ? "" : userData);
            vms.setKeypairs(id, keys.isEmpty() ? null : String.join(",", keys));
            return null;
        });
    }
}
