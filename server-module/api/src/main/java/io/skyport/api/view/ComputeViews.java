package io.skyport.api.view;

import io.skyport.core.vm.Vm;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands out per-request {@link VmViewFactory} instances (their lookup memo lives one request). */
public class ComputeViews {
    private final VmViewFactory.Sources sources;

    public ComputeViews(VmViewFactory.Sources sources) {
        this.sources = sources;
    }

    public VmViewFactory vms() {
        return new VmViewFactory(sources);
    }

    /** {@code {"virtualmachine": {...}}}, outside a job. */
    public EntityResponse vmResult(Vm vm) {
        return new EntityResponse("virtualmachine", vms().view(vm));
    }

    /** What CloudStack answers for a VM that no longer exists after the job (destroy with expunge). */
    public EntityResponse expungedResult() {
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("affinitygroup", List.of());
        gone.put("deleteprotection", false);
        gone.put("nic", List.of());
        gone.put("securitygroup", List.of());
        gone.put("tags", List.of());
        return new EntityResponse("virtualmachine", gone);
    }

    /** {@code {"virtualmachine": {...}}} as the result of the job that acted on it. */
    public EntityResponse vmResult(Vm vm, String jobUuid) {
        return new EntityResponse("virtualmachine", vms().view(vm).withJob(jobUuid));
    }
}
