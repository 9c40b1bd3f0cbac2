package io.skyport.gce.service;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Scheduling;
import com.google.cloud.compute.v1.Tags;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.job.AsyncJobDao;
import io.skyport.core.network.Nic;
import io.skyport.core.network.NicDao;
import io.skyport.core.publicip.PublicIp;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.view.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * VMs as GCE instances, built for a whole page at once (one query per related table, not per
 * VM). The status comes from the VM's state and the operation queued on it: a VM that is stopped
 * while its first start is queued is PROVISIONING, one being started STAGING, one being stopped
 * or deleted STOPPING, a stopped one TERMINATED.
 */
public class InstanceViews {
    /** The resource type of VM tags in the core. */
    public static final String TAG_TYPE = "UserVm";
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    private final Catalog catalog;
    private final Locations locations;
    private final GceIds ids;
    private final NicDao nics;
    private final VolumeDao volumes;
    private final ResourceTagDao tags;
    private final AsyncJobDao jobs;
    private final InstanceMetadata metadata;
    private final PublicIpDao publicIps;
    private final Descriptions descriptions;
    private final VmDao vmDao;

    public InstanceViews(Catalog catalog, Locations locations, GceIds ids, NicDao nics, VolumeDao volumes,
                         ResourceTagDao tags, AsyncJobDao jobs, InstanceMetadata metadata, PublicIpDao publicIps,
                         Descriptions descriptions, VmDao vmDao) {
        this.catalog = catalog;
        this.vmDao = vmDao;
        this.locations = locations;
        this.ids = ids;
        this.nics = nics;
        this.volumes = volumes;
        this.tags = tags;
        this.jobs = jobs;
        this.metadata = metadata;
        this.publicIps = publicIps;
        this.descriptions = descriptions;
    }

    public static boolean isLabel(String key, String value) {
        return LABEL_KEY.matcher(key).matches() && LABEL_VALUE.matcher(value == null ? "" : value).matches();
    }

    public Instance view(GceCall call, Vm vm) {
        return views(call, List.of(vm)).get(0);
    }

    public List<Instance> views(GceCall call, List<Vm> vms) {
        if (vms.isEmpty()) {
            return List.of();
        }
        List<String> uuids = vms.stream().map(Vm::uuid).toList();
        List<Long> vmIds = vms.stream().map(Vm::id).toList();
        Map<String, Long> instanceIds = ids.ids("instance", uuids, call.accountId());
        Map<Long, String> offeringNames = new HashMap<>();
        for (ServiceOffering o : catalog.offerings()) {
            offeringNames.put(o.id(), Catalog.slug(o.name()));
        }
        Map<Long, List<Nic>> nicsByVm = new HashMap<>();
        for (Nic n : nics.nicsOf(vmIds)) {
            nicsByVm.computeIfAbsent(n.vmId(), k -> new ArrayList<>()).add(n);
        }
        Map<Long, List<ResourceTag>> tagsByVm = tags.ofResources(TAG_TYPE, vmIds);
        Map<String, String> pending = jobs.pendingCommands(Instances.VM_TYPE, uuids);
        List<Vm> current = vmDao.settled(vms, pending.keySet());
        Map<String, InstanceMetadata.Stored> stored = metadata.of(uuids);
        Map<String, String> described = descriptions.of(uuids);
        Map<Long, String> zoneNames = new HashMap<>();
        Map<Long, List<Volume>> volumesByVm = new HashMap<>();
        for (Volume v : volumes.ofVms(vmIds)) {
            volumesByVm.computeIfAbsent(v.vmId(), k -> new ArrayList<>()).add(v);
        }
        Map<Long, List<PublicIp>> natByVm = new HashMap<>();
        for (PublicIp ip : publicIps.staticNatOfVms(vmIds)) {
            natByVm.computeIfAbsent(ip.vmId(), k -> new ArrayList<>()).add(ip);
        }
        List<Instance> out = new ArrayList<>(current.size());
        for (Vm vm : current) {
            String zone = zoneNames.computeIfAbsent(vm.zoneId(), locations::zoneName);
            InstanceMetadata.Stored s = stored.get(vm.uuid());
            Map<String, String> labels = new TreeMap<>();
            for (ResourceTag t : tagsByVm.getOrDefault(vm.id(), List.of())) {
                if (isLabel(t.key(), t.value())) {
                    labels.put(t.key(), t.value() == null ? "" : t.value());
                }
            }
            List<String> networkTags = s == null ? List.of() : s.networkTags();
            Instance.Builder b = Instance.newBuilder()
                    .setKind("compute#instance")
                    .setId(instanceIds.get(vm.uuid()))
                    .setCreationTimestamp(Times.rfc3339(vm.created()))
                    .setName(vm.name())
                    .setDescription(described.getOrDefault(vm.uuid(), ""))
                    .setTags(Tags.newBuilder().addAllItems(networkTags)
                            .setFingerprint(InstanceMetadata.tagsFingerprint(networkTags)))
                    .setMachineType(call.zoneLink(zone, "machineTypes", offeringNames.getOrDefault(
                            vm.serviceOfferingId(), "unknown")))
                    .setStatus(status(vm, pending.get(vm.uuid())))
                    .setZone(call.zoneLink(zone))
                    .setCanIpForward(false)
                    .setMetadata(InstanceMetadata.view(InstanceMetadata.itemsOf(vm, s)))
                    .putAllLabels(labels)
                    .setLabelFingerprint(InstanceMetadata.labelsFingerprint(labels))
                    .setScheduling(Scheduling.newBuilder().setOnHostMaintenance("MIGRATE").setAutomaticRestart(true)
                            .setPreemptible(false).setProvisioningModel("STANDARD"))
                    .setCpuPlatform("Skyport Simulated CPU")
                    .setStartRestricted(false)
                    .setDeletionProtection(false)
                    .setFingerprint(InstanceMetadata.versionFingerprint(vm.uuid(), vm.updateCount()))
                    .setSelfLink(call.zoneLink(zone, "instances", vm.name()));
            int n = 0;
            for (Nic nic : nicsByVm.getOrDefault(vm.id(), List.of())) {
                NetworkInterface.Builder ni = NetworkInterface.newBuilder().setKind("compute#networkInterface")
                        .setName("nic" + n++).setNetwork(call.globalLink("networks", Catalog.DEFAULT_NETWORK))
                        .setNetworkIP(nic.ipAddress() == null ? "" : nic.ipAddress())
                        .setStackType("IPV4_ONLY").setFingerprint(InstanceMetadata.versionFingerprint(nic.uuid(), 0));
                b.addNetworkInterfaces(ni);
            }
            addAccessConfigs(b, natByVm.getOrDefault(vm.id(), List.of()));
            int index = 0;
            for (Volume v : volumesByVm.getOrDefault(vm.id(), List.of())) {
                boolean root = "ROOT".equals(v.volumeType());
                String disk = Catalog.slug(v.name());
                b.addDisks(AttachedDisk.newBuilder().setKind("compute#attachedDisk").setType("PERSISTENT")
                        .setMode("READ_WRITE").setSource(call.zoneLink(zone, "disks", disk)).setDeviceName(disk)
                        .setIndex(v.deviceId() == null ? index : v.deviceId()).setBoot(root).setAutoDelete(root)
                        .setInterface("SCSI").setDiskSizeGb(v.sizeBytes() >> 30));
                index++;
            }
            out.add(b.build());
        }
        return out;
    }

    private static void addAccessConfigs(Instance.Builder b, List<PublicIp> nat) {
        if (b.getNetworkInterfacesCount() == 0 || nat.isEmpty()) {
            return;
        }
        NetworkInterface.Builder first = b.getNetworkInterfacesBuilder(0);
        for (PublicIp ip : nat) {
            first.addAccessConfigs(AccessConfig.newBuilder().setKind("compute#accessConfig").setType("ONE_TO_ONE_NAT")
                    .setName("External NAT").setNatIP(ip.address()).setNetworkTier("PREMIUM"));
        }
    }

    /** GCE's status for a VM, given the command of the first job queued on it (or null). */
    public static String status(Vm vm, String pendingCommand) {
        String op = pendingCommand == null ? "" : pendingCommand.substring(pendingCommand.lastIndexOf('.') + 1);
        return switch (vm.state()) {
            case Running -> op.equals("stop") || op.equals("delete") || op.equals("StopInstances")
                    || op.equals("TerminateInstances") || op.equals("stopVirtualMachine")
                    || op.equals("destroyVirtualMachine") ? "STOPPING" : "RUNNING";
            case Starting -> "STAGING";
            case Stopping, Destroyed, Expunging -> "STOPPING";
            case Stopped -> switch (op) {
                case "insert", "RunInstances", "deployVirtualMachine" -> "PROVISIONING";
                case "start", "StartInstances", "startVirtualMachine" -> "STAGING";
                default -> "TERMINATED";
            };
            default -> "TERMINATED";
        };
    }

    public static Map<String, String> labelsOf(Instance i) {
        return new LinkedHashMap<>(i.getLabelsMap());
    }
}
