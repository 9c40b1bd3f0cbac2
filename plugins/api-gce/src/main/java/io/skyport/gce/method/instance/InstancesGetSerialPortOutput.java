package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.GetSerialPortOutputInstanceRequest;
import com.google.cloud.compute.v1.SerialPortOutput;
import com.google.protobuf.Message;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Instances;
import io.skyport.plugin.ApiCommand;
import java.nio.charset.StandardCharsets;

@ApiCommand(name = "compute.instances.getSerialPortOutput", api = "gce", description = "Returns the instance's console output.")
public class InstancesGetSerialPortOutput extends GceOperation<GetSerialPortOutputInstanceRequest> {
    private final Instances instances;
    private final VmOperations ops;

    public InstancesGetSerialPortOutput(Instances instances, VmOperations ops) {
        super(GetSerialPortOutputInstanceRequest.getDefaultInstance());
        this.instances = instances;
        this.ops = ops;
    }

    @Override
    protected Message run(GetSerialPortOutputInstanceRequest r, GceCall call) {
        Vm vm = instances.find(call, r.getZone(), r.getInstance());
        if (r.hasPort() && r.getPort() != 1) {
            throw GceException.invalid("port", r.getPort(), "Only serial port 1 is available.");
        }
        String all = ops.consoleOutput(vm);
        byte[] bytes = all == null ? new byte[0] : all.getBytes(StandardCharsets.UTF_8);
        long start = r.hasStart() ? r.getStart() : 0;
        if (start < 0) {
            start = Math.max(0, bytes.length + start);
        }
        start = Math.min(start, bytes.length);
        String contents = new String(bytes, (int) start, bytes.length - (int) start, StandardCharsets.UTF_8);
        return SerialPortOutput.newBuilder().setKind("compute#serialPortOutput").setContents(contents)
                .setStart(start).setNext(bytes.length)
                .setSelfLink(call.zoneLink(r.getZone(), "instances", vm.name()) + "/serialPort").build();
    }
}
