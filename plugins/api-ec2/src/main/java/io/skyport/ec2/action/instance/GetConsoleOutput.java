package io.skyport.ec2.action.instance;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;

/** The instance's console as its hypervisor reports it (a container's log), base64-encoded as EC2 sends it. */
@ApiCommand(name = "GetConsoleOutput", api = "ec2", description = "Gets the console output of an instance.")
public class GetConsoleOutput extends Ec2Action<GetConsoleOutputRequest> {
    private final Ec2Instances instances;
    private final VmOperations ops;

    public GetConsoleOutput(Ec2Instances instances, VmOperations ops) {
        super(GetConsoleOutputRequest::builder);
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected SdkPojo run(GetConsoleOutputRequest request, CallContext ctx) {
        Vm vm = instances.resolve(List.of(request.instanceId() == null ? "" : request.instanceId()), ctx).get(0);
        String text = ops.consoleOutput(vm);
        return GetConsoleOutputResponse.builder().instanceId(instances.instanceId(vm)).timestamp(Instant.now())
                .output(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).build();
    }
}
