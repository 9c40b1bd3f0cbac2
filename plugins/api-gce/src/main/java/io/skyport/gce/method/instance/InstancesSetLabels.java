package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.SetLabelsInstanceRequest;
import com.google.protobuf.Message;
import io.skyport.core.tag.TagService;
import io.skyport.core.vm.Vm;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@ApiCommand(name = "compute.instances.setLabels", api = "gce", description = "Replaces the instance's labels; the label fingerprint must be the current one.")
public class InstancesSetLabels extends GceOperation<SetLabelsInstanceRequest> {
    private final Instances instances;
    private final InstanceViews views;
    private final TagService tags;

    public InstancesSetLabels(Instances instances, InstanceViews views, TagService tags) {
        super(SetLabelsInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.views = views;
        this.tags = tags;
    }

    @Override
    protected Message run(SetLabelsInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        var body = r.getInstancesSetLabelsRequestResource();
        Map<String, String> labels = Labels.check(body.getLabelsMap());
        Map<String, String> current = views.view(call, vm).getLabelsMap();
        if (!body.hasLabelFingerprint() || !InstanceMetadata.canonicalFingerprint(body.getLabelFingerprint())
                .equals(InstanceMetadata.labelsFingerprint(current))) {
            throw new GceException(GceError.CONDITION_NOT_MET, "Labels fingerprint either invalid or resource labels "
                    + "have changed");
        }
        return instances.submit(call, "compute.instances.setLabels", vm, id -> {
            Map<String, String> old = new TreeMap<>(current);
            if (!old.isEmpty()) {
                tags.delete(call.ctx(), InstanceViews.TAG_TYPE, List.of(vm.uuid()), old);
            }
            if (!labels.isEmpty()) {
                tags.create(call.ctx(), InstanceViews.TAG_TYPE, List.of(vm.uuid()), labels);
            }
            return null;
        });
    }
}
