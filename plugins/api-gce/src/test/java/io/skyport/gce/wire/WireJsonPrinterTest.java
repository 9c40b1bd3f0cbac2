package io.skyport.gce.wire;

import static org.junit.Assert.assertEquals;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.Errors;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstanceAggregatedList;
import com.google.cloud.compute.v1.InstancesScopedList;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.SerialPortOutput;
import com.google.cloud.compute.v1.Tags;
import com.google.cloud.compute.v1.Warning;
import com.google.gson.JsonParser;
import com.google.protobuf.Message;
import org.junit.Test;

/** The fast printer prints what protobuf's own JsonFormat prints. */
public class WireJsonPrinterTest {
    private static final Instance VM = Instance.newBuilder()
            .setKind("compute#instance").setId(-1L).setName("web-1").setDescription("")
            .setStatus("RUNNING").setCanIpForward(false).setDeletionProtection(false)
            .putLabels("env", "prod").putLabels("team", "a \"quoted\"\nvalue\u0001")
            .setTags(Tags.newBuilder().addItems("http").addItems("ssh").setFingerprint("abc="))
            .setMetadata(Metadata.newBuilder().setKind("compute#metadata").setFingerprint("f=")
                    .addItems(Items.newBuilder().setKey("startup-script").setValue("#!/bin/sh\necho \\ hi")))
            .addNetworkInterfaces(NetworkInterface.newBuilder().setName("nic0").setNetworkIP("198.18.0.2")
                    .addAccessConfigs(AccessConfig.newBuilder().setNatIP("198.19.0.5").setType("ONE_TO_ONE_NAT")))
            .addDisks(AttachedDisk.newBuilder().setBoot(true).setIndex(0).setDiskSizeGb(10).setDeviceName("root"))
            .addDisks(AttachedDisk.newBuilder().setBoot(false).setIndex(1).setDiskSizeGb(0))
            .build();

    private static void same(Message m) {
        assertEquals(JsonParser.parseString(ProtoJson.reference(m)), JsonParser.parseString(ProtoJson.print(m)));
    }

    @Test
    public void instancesWithMapsRepeatedMessagesAndEscapes() {
        same(VM);
        same(Instance.getDefaultInstance());
    }

    @Test
    public void operationsWithEnumsAndUnsignedIds() {
        same(Operation.newBuilder().setId(Long.MIN_VALUE).setTargetId(Long.MAX_VALUE)
                .setStatus(Operation.Status.DONE).setProgress(100).setHttpErrorStatusCode(404)
                .setError(com.google.cloud.compute.v1.Error.newBuilder().addErrors(Errors.newBuilder()
                        .setCode("NOT_FOUND").setMessage("gone"))).build());
    }

    @Test
    public void aggregatedListsAreMapsOfMessages() {
        same(InstanceAggregatedList.newBuilder().setKind("compute#instanceAggregatedList")
                .putItems("zones/a", InstancesScopedList.newBuilder().addInstances(VM).addInstances(VM).build())
                .putItems("zones/b", InstancesScopedList.newBuilder().setWarning(Warning.newBuilder()
                        .setCode("NO_RESULTS_ON_PAGE")).build())
                .putItems("zones/c", InstancesScopedList.getDefaultInstance()).build());
    }

    @Test
    public void declaredJsonNamesAndInt64Strings() {
        same(Firewall.newBuilder().setName("fw").setPriority(1000).addSourceRanges("0.0.0.0/0")
                .addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts("22").addPorts("80-90"))
                .addTargetTags("web").build());
        same(SerialPortOutput.newBuilder().setContents("boot\u2028log").setStart(0).setNext(12345678901L).build());
    }
}
