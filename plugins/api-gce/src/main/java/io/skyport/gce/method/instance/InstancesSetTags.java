package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.SetTagsInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.FirewallTargets;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;
import java.util.List;
import java.util.Map;

@ApiCommand(name = "compute.instances.setTags", api = "gce", description = "Replaces the instance's network tags; the tags fingerprint must be the current one.")
public class InstancesSetTags extends GceOperation<SetTagsInstanceRequest> {
    private final Instances instances;
    private final InstanceMetadata metadata;
    private final FirewallTargets targets;

    public InstancesSetTags(Instances instances, InstanceMetadata metadata, FirewallTargets targets) {
        super(SetTagsInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.metadata = metadata;
        this.targets = targets;
    }

    @Override
    protected Message run(SetTagsInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        var body = r.getTagsResource();
        var stored = metadata.of(vm.uuid());
        List<String> current = stored.map(InstanceMetadata.Stored::networkTags).orElse(List.of());
        if (!InstanceMetadata.canonicalFingerprint(body.getFingerprint())
                .equals(InstanceMetadata.tagsFingerprint(current))) {
            throw new GceException(GceError.CONDITION_NOT_MET, "Supplied fingerprint does not match current tags "
                    + "fingerprint.");
        }
        for (String t : body.getItemsList()) {
            if (!InstancesInsert.NAME.matcher(t).matches()) {
                throw GceException.invalid("resource.tags.items", t, "Tags must be lowercase names of at most 63 "
                        + "characters.");
            }
        }
        Map<String, String> items = InstanceMetadata.itemsOf(vm, stored.orElse(null));
        return instances.submit(call, "compute.instances.setTags", vm, id -> {
            metadata.save(vm.uuid(), items, body.getItemsList());
            targets.sync(call.ctx(), call.accountId());
            return null;
        });
    }
}
