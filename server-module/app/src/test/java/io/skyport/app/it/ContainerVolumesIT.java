package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Mount;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyport.container.lxc.LxdException;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * Data volumes on real container hosts: a Docker engine (named volumes, mounted while the VM is
 * stopped) and an LXD daemon (custom volumes, mounted while the container runs). Volumes are
 * created and moved through Skyport's APIs; what they hold is checked on the host itself. Each
 * test skips when its daemon is absent; with SKYPORT_REQUIRE_LIVE=1 that is a failure.
 */
public class ContainerVolumesIT {
    private static final TestServer SERVER = new TestServer();
    private static final List<String> DOCKER_VMS = new ArrayList<>();
    private static final List<String> LXD_VMS = new ArrayList<>();
    /** Volumes the tests made, whose host storage is removed at the end even when a test failed half-way. */
    private static final List<String> VOLUMES = new ArrayList<>();
    private static DockerEngine engine;
    private static LxdDaemon daemon;
    private static Optional<String> dockerMissing;
    private static Optional<String> lxdMissing;
    private static String smallDisk;

    /** A zone of one container host, its offering and its busybox template. */
    private record Zone(String id, String offering, String template) {
    }

    private static Zone dockerZone;
    private static Zone lxdZone;

    @BeforeClass
    public static void hostsAndZones() throws Exception {
        dockerMissing = DockerEngine.unavailable();
        lxdMissing = LxdDaemon.unavailable();
        if (dockerMissing.isPresent() && lxdMissing.isPresent() && !Live.required()) {
            Live.require("Docker engine or LXD daemon", false, dockerMissing.get() + "; " + lxdMissing.get());
        }
        SERVER.start();
        smallDisk = admin("listDiskOfferings", "name", "Small").getAsJsonArray("diskoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
        if (dockerMissing.isEmpty()) {
            engine = new DockerEngine();
            engine.ensureImage();
            // a short stop grace period: busybox's sh ignores SIGTERM, so every stop waits it out
            dockerZone = zone("VolDocker", "Docker", DockerEngine.URL, "stoptimeout=1", DockerEngine.IMAGE);
        }
        if (lxdMissing.isEmpty()) {
            daemon = new LxdDaemon();
            lxdZone = zone("VolLxc", "LXC", LxdDaemon.URL, "stoptimeout=2", LxdDaemon.IMAGE);
        }
    }

    private static Zone zone(String name, String hypervisor, String url, String options, String image) {
        ContainerZone z = ContainerZone.create(SERVER, name, hypervisor, url, options, image, name + "-busybox");
        return new Zone(z.zone, z.offering, z.template);
    }

    @AfterClass
    public static void cleanUp() {
        if (engine != null) {
            DOCKER_VMS.forEach(engine::removeQuietly);
            for (String vm : DOCKER_VMS) {
                try {
                    engine.docker.removeImageCmd("skyport-vm-" + vm).exec();
                } catch (RuntimeException ignored) {
                    // never committed, or removed with its VM
                }
            }
        }
        if (daemon != null) {
            LXD_VMS.forEach(daemon::removeQuietly);
        }
        for (String volume : VOLUMES) {
            try {
                if (engine != null) {
                    engine.docker.removeVolumeCmd("skyport-vol-" + volume).exec();
                }
            } catch (RuntimeException ignored) {
                // deleted by its test
            }
            try {
                if (daemon != null) {
                    daemon.lxd.call("DELETE", lxdVolumePath(volume), null, java.time.Duration.ofSeconds(30));
                }
            } catch (RuntimeException ignored) {
                // deleted by its test
            }
        }
        if (engine != null) {
            engine.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        SERVER.stop();
    }

    private static JsonObject admin(String command, String... kv) {
        return ContainerZone.admin(SERVER, command, kv);
    }

    private static JsonObject job(String command, String... kv) {
        return ContainerZone.job(SERVER, command, kv);
    }

    private static JsonObject ok(JsonObject job, String member) {
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        return job.getAsJsonObject("jobresult").getAsJsonObject(member);
    }

    private static String deploy(Zone zone, List<String> created, String name) {
        JsonObject vm = ok(job("deployVirtualMachine", "zoneid", zone.id(), "serviceofferingid", zone.offering(),
                "templateid", zone.template(), "name", name), "virtualmachine");
        created.add(vm.get("id").getAsString());
        assertEquals("Running", vm.get("state").getAsString());
        return vm.get("id").getAsString();
    }

    private static void power(String command, String vmId, String expected) {
        assertEquals(expected, ok(job(command, "id", vmId), "virtualmachine").get("state").getAsString());
    }

    private static String createVolume(String name, String zone) {
        String id = ok(job("createVolume", "name", name, "zoneid", zone, "diskofferingid", smallDisk), "volume")
                .get("id").getAsString();
        VOLUMES.add(id);
        return id;
    }

    private static JsonObject volume(String id) {
        JsonArray found = admin("listVolumes", "id", id).getAsJsonArray("volume");
        return found == null ? null : found.get(0).getAsJsonObject();
    }

    private static HostRef hostRef(String hypervisor) {
        return SERVER.server().coreBean(HostDao.class).hosts(null, null, null, null, hypervisor, null).get(0).ref();
    }

    private static HypervisorDriver driver(String hypervisor) {
        return SERVER.server().coreBean(ModuleRegistry.class).driver(hypervisor).orElseThrow();
    }

    /** Runs a shell command in the VM's container through the host's driver; its stdout, failing on a non-zero exit. */
    private static String sh(String hypervisor, String vmId, String script) {
        HypervisorDriver.ExecResult r = driver(hypervisor).exec(hostRef(hypervisor), vmId, List.of("sh", "-c", script));
        assertEquals(script + ": " + r.stderr(), 0, r.exitCode());
        return r.stdout();
    }

    private Optional<InspectVolumeResponse> namedVolume(String volumeId) {
        try {
            return Optional.of(engine.docker.inspectVolumeCmd("skyport-vol-" + volumeId).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<String> mounts(String vmId) {
        InspectContainerResponse c = engine.container(vmId).orElseThrow(() -> new AssertionError("no container"));
        List<Mount> mounts = c.getHostConfig().getMounts();
        return mounts == null ? List.of() : mounts.stream().map(m -> m.getSource() + ":" + m.getTarget()).toList();
    }

    @Test
    public void dockerVolumeKeepsItsDataFromOneStoppedVmToAnother() throws Exception {
        Live.require("Docker engine", dockerMissing.isEmpty(), dockerMissing.orElse(""));
        String first = deploy(dockerZone, DOCKER_VMS, "vol-dock-a");
        String second = deploy(dockerZone, DOCKER_VMS, "vol-dock-b");
        String volumeId = createVolume("dock-data", dockerZone.id());

        JsonObject refused = job("attachVolume", "id", volumeId, "virtualmachineid", first);
        assertEquals(refused.toString(), 2, refused.get("jobstatus").getAsInt());
        JsonObject error = refused.getAsJsonObject("jobresult");
        assertEquals(431, error.get("errorcode").getAsInt());
        assertTrue(error.toString(), error.get("errortext").getAsString().contains("cannot change the mounts of a "
                + "running container; stop the VM first"));
        assertFalse("a refused attach leaves the volume detached", volume(volumeId).has("virtualmachineid"));
        assertTrue("and makes no named volume", namedVolume(volumeId).isEmpty());

        // a change to the root file system, which the container's re-creation must keep
        engine.exec(first, "sh", "-c", "echo kept > /root/rootfs-change");
        power("stopVirtualMachine", first, "Stopped");
        String containerBefore = engine.container(first).orElseThrow().getId();
        JsonObject attached = ok(job("attachVolume", "id", volumeId, "virtualmachineid", first), "volume");
        assertEquals(first, attached.get("virtualmachineid").getAsString());
        assertEquals(1, attached.get("deviceid").getAsInt());
        InspectVolumeResponse named = namedVolume(volumeId).orElseThrow(() -> new AssertionError("no named volume"));
        assertEquals(volumeId, named.getLabels().get("skyport.volume"));
        assertFalse("the stopped container was re-created", containerBefore.equals(engine.container(first)
                .orElseThrow().getId()));
        assertEquals(List.of("skyport-vol-" + volumeId + ":/mnt/disk1"), mounts(first));

        power("startVirtualMachine", first, "Running");
        assertEquals("kept\n", engine.exec(first, "cat", "/root/rootfs-change"));
        sh("Docker", first, "echo written-in-a > /mnt/disk1/hello");
        assertEquals("the file is in the named volume", "written-in-a\n",
                Files.readString(Path.of(named.getMountpoint(), "hello")));

        power("stopVirtualMachine", first, "Stopped");
        JsonObject detached = ok(job("detachVolume", "id", volumeId), "volume");
        assertFalse(detached.has("virtualmachineid"));
        assertEquals(List.of(), mounts(first));
        assertTrue("detach keeps the named volume", namedVolume(volumeId).isPresent());

        power("stopVirtualMachine", second, "Stopped");
        ok(job("attachVolume", "id", volumeId, "virtualmachineid", second, "deviceid", "2"), "volume");
        power("startVirtualMachine", second, "Running");
        assertEquals("the second VM sees what the first wrote", "written-in-a\n",
                sh("Docker", second, "cat /mnt/disk2/hello"));

        NativeClient.Reply whileRunning = SERVER.admin().call("detachVolume", "id", volumeId);
        JsonObject refusedDetach = SERVER.admin().awaitJob(whileRunning.inner().get("jobid").getAsString());
        assertEquals(refusedDetach.toString(), 2, refusedDetach.get("jobstatus").getAsInt());
        assertEquals(second, volume(volumeId).get("virtualmachineid").getAsString());

        power("stopVirtualMachine", second, "Stopped");
        ok(job("detachVolume", "id", volumeId), "volume");

        // a container outside Skyport that mounts the named volume: the engine refuses to remove it
        String holder = engine.docker.createContainerCmd(DockerEngine.IMAGE).withName("skyport-it-holder-" + volumeId)
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("none")
                        .withMounts(List.of(new Mount().withType(com.github.dockerjava.api.model.MountType.VOLUME)
                                .withSource("skyport-vol-" + volumeId).withTarget("/data")))).exec().getId();
        try {
            NativeClient.Reply refusedDelete = SERVER.admin().call("deleteVolume", "id", volumeId);
            // a server-side failure: the native API answers 530 and does not show the host's words
            assertEquals(refusedDelete.body(), 530, refusedDelete.status());
            assertNotNull("a delete the host refused keeps the volume", volume(volumeId));
            assertTrue(namedVolume(volumeId).isPresent());
        } finally {
            engine.docker.removeContainerCmd(holder).withForce(true).exec();
        }
        assertEquals(200, SERVER.admin().call("deleteVolume", "id", volumeId).status());
        assertTrue("deleteVolume removes the named volume", namedVolume(volumeId).isEmpty());
        assertEquals("the volume is gone", 431, SERVER.admin().call("listVolumes", "id", volumeId).status());

        assertTrue("re-creation committed the VM's image", engine.hasImage("skyport-vm-" + first));
        assertEquals(1, job("destroyVirtualMachine", "id", first, "expunge", "true").get("jobstatus").getAsInt());
        assertFalse("expunge removes the VM's committed image", engine.hasImage("skyport-vm-" + first));
        job("destroyVirtualMachine", "id", second, "expunge", "true");
    }

    @Test
    public void dockerVolumeAttachedBeforeTheFirstStartIsMountedWhenTheContainerIsMade() throws Exception {
        Live.require("Docker engine", dockerMissing.isEmpty(), dockerMissing.orElse(""));
        JsonObject created = ok(job("deployVirtualMachine", "zoneid", dockerZone.id(), "serviceofferingid",
                dockerZone.offering(), "templateid", dockerZone.template(), "name", "vol-dock-c", "startvm", "false"),
                "virtualmachine");
        String vm = created.get("id").getAsString();
        DOCKER_VMS.add(vm);
        assertEquals("Stopped", created.get("state").getAsString());
        String volumeId = createVolume("dock-early", dockerZone.id());
        ok(job("attachVolume", "id", volumeId, "virtualmachineid", vm, "deviceid", "4"), "volume");
        assertFalse("a VM that never ran has no container yet", engine.container(vm).isPresent());
        assertTrue("nor its volume a named volume", namedVolume(volumeId).isEmpty());

        power("startVirtualMachine", vm, "Running");
        assertEquals(List.of("skyport-vol-" + volumeId + ":/mnt/disk4"), mounts(vm));
        sh("Docker", vm, "echo early > /mnt/disk4/f");
        assertEquals("early\n", Files.readString(Path.of(namedVolume(volumeId).orElseThrow().getMountpoint(), "f")));

        // EC2 answers the refusal for a running container with its own code
        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            String instanceId = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name")
                    .values("vol-dock-c").build())).reservations().get(0).instances().get(0).instanceId();
            String other = ec2.createVolume(r -> r.availabilityZone("VolDockerZone").size(5)).volumeId();
            Ec2Exception refused = org.junit.Assert.assertThrows(Ec2Exception.class, () -> ec2.attachVolume(r -> r
                    .volumeId(other).instanceId(instanceId).device("/dev/sdc")));
            assertEquals("IncorrectState", refused.awsErrorDetails().errorCode());
            assertTrue(refused.getMessage(), refused.getMessage().contains("stop the VM first"));
            assertEquals(VolumeState.AVAILABLE, ec2.describeVolumes(r -> r.volumeIds(other)).volumes().get(0)
                    .state());
            ec2.deleteVolume(r -> r.volumeId(other));
        }
        // and GCE's attachDisk ends in an operation error
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        gce.await(gce.ok("POST", "zones/voldockerzone/disks", "{\"name\":\"gce-dock-disk\",\"sizeGb\":\"5\"}"));
        JsonObject op = gce.await(gce.ok("POST", "zones/voldockerzone/instances/vol-dock-c/attachDisk",
                "{\"source\":\"zones/voldockerzone/disks/gce-dock-disk\"}"));
        assertTrue(op.toString(), op.has("error"));
        JsonObject gceError = op.getAsJsonObject("error").getAsJsonArray("errors").get(0).getAsJsonObject();
        assertEquals(op.toString(), "RESOURCE_OPERATION_FAILED", gceError.get("code").getAsString());
        assertEquals(400, op.get("httpErrorStatusCode").getAsInt());
        assertTrue(op.toString(), gceError.get("message").getAsString().contains("stop the VM first"));
        gce.await(gce.ok("DELETE", "zones/voldockerzone/disks/gce-dock-disk", null));

        job("destroyVirtualMachine", "id", vm, "expunge", "true");
        assertTrue("the named volume outlives the VM", namedVolume(volumeId).isPresent());
        assertEquals(200, SERVER.admin().call("deleteVolume", "id", volumeId).status());
        assertTrue(namedVolume(volumeId).isEmpty());
    }

    private static String lxdVolumePath(String volumeId) {
        return "/1.0/storage-pools/default/volumes/custom/skyport-vol-" + volumeId;
    }

    private static boolean lxdVolumeExists(String volumeId) {
        try {
            daemon.lxd.get(lxdVolumePath(volumeId));
            return true;
        } catch (LxdException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    private static JsonObject lxdDevice(String vmId, String device) {
        JsonObject devices = daemon.instance(vmId).orElseThrow().getAsJsonObject("devices");
        return devices.has(device) ? devices.getAsJsonObject(device) : null;
    }

    @Test
    public void lxdVolumeMovesBetweenRunningContainers() {
        Live.require("LXD daemon", lxdMissing.isEmpty(), lxdMissing.orElse(""));
        String first = deploy(lxdZone, LXD_VMS, "vol-lxd-a");
        String second = deploy(lxdZone, LXD_VMS, "vol-lxd-b");
        String volumeId = createVolume("lxd-data", lxdZone.id());

        JsonObject attached = ok(job("attachVolume", "id", volumeId, "virtualmachineid", first), "volume");
        assertEquals(1, attached.get("deviceid").getAsInt());
        assertTrue("the container kept running", daemon.running(first));
        JsonObject custom = daemon.lxd.get(lxdVolumePath(volumeId)).getAsJsonObject();
        assertEquals(volumeId, custom.getAsJsonObject("config").get("user.skyport.volume").getAsString());
        JsonObject disk = lxdDevice(first, "skyport-disk1");
        assertNotNull("a disk device for the volume", disk);
        assertEquals("skyport-vol-" + volumeId, disk.get("source").getAsString());
        assertEquals("/mnt/disk1", disk.get("path").getAsString());

        sh("LXC", first, "echo written-in-a > /mnt/disk1/hello");
        JsonObject detached = ok(job("detachVolume", "id", volumeId), "volume");
        assertFalse(detached.has("virtualmachineid"));
        assertNull("the device is gone", lxdDevice(first, "skyport-disk1"));
        assertEquals("and so is the mount, at once", "", sh("LXC", first, "grep ' /mnt/disk1 ' /proc/mounts || true"));
        assertTrue(lxdVolumeExists(volumeId));

        ok(job("attachVolume", "id", volumeId, "virtualmachineid", second, "deviceid", "3"), "volume");
        assertEquals("the second VM sees what the first wrote", "written-in-a\n",
                sh("LXC", second, "cat /mnt/disk3/hello"));
        ok(job("detachVolume", "id", volumeId), "volume");
        assertEquals(200, SERVER.admin().call("deleteVolume", "id", volumeId).status());
        assertFalse("deleteVolume removes the custom volume", lxdVolumeExists(volumeId));

        job("destroyVirtualMachine", "id", first, "expunge", "true");
        job("destroyVirtualMachine", "id", second, "expunge", "true");
    }

    @Test
    public void lxdVolumeAttachedToAStoppedVmIsMountedAtItsStart() {
        Live.require("LXD daemon", lxdMissing.isEmpty(), lxdMissing.orElse(""));
        String vm = deploy(lxdZone, LXD_VMS, "vol-lxd-c");
        power("stopVirtualMachine", vm, "Stopped");
        String volumeId = createVolume("lxd-cold", lxdZone.id());
        ok(job("attachVolume", "id", volumeId, "virtualmachineid", vm), "volume");
        assertNotNull(lxdDevice(vm, "skyport-disk1"));
        power("startVirtualMachine", vm, "Running");
        sh("LXC", vm, "echo cold > /mnt/disk1/f");
        assertEquals("cold\n", sh("LXC", vm, "cat /mnt/disk1/f"));

        job("destroyVirtualMachine", "id", vm, "expunge", "true");
        assertNull("expunge detaches the volume", volume(volumeId).get("virtualmachineid"));
        assertTrue("and keeps its content", lxdVolumeExists(volumeId));
        assertEquals(200, SERVER.admin().call("deleteVolume", "id", volumeId).status());
        assertFalse(lxdVolumeExists(volumeId));
    }

    @Test
    public void deletingAnAccountDeletesItsVolumesOnTheirHost() {
        Live.require("LXD daemon", lxdMissing.isEmpty(), lxdMissing.orElse(""));
        String name = "voltenant" + System.nanoTime();
        JsonObject account = admin("createAccount", "username", name, "password", "Tenant-Passw0rd", "firstname", "T",
                "lastname", "N", "email", name + "@example.org").getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = admin("registerUserKeys", "id", userId).getAsJsonObject("userkeys");
        NativeClient tenant = new NativeClient(SERVER.baseUrl(), keys.get("apikey").getAsString(),
                keys.get("secretkey").getAsString());
        JsonObject vm = tenant.awaitJob(tenant.call("deployVirtualMachine", "zoneid", lxdZone.id(), "serviceofferingid",
                lxdZone.offering(), "templateid", lxdZone.template(), "name", "vol-lxd-tenant").inner().get("jobid")
                .getAsString());
        String vmId = ok(vm, "virtualmachine").get("id").getAsString();
        LXD_VMS.add(vmId);
        String volumeId = ok(tenant.awaitJob(tenant.call("createVolume", "name", "tenant-data", "zoneid", lxdZone.id(),
                "diskofferingid", smallDisk).inner().get("jobid").getAsString()), "volume").get("id").getAsString();
        VOLUMES.add(volumeId);
        ok(tenant.awaitJob(tenant.call("attachVolume", "id", volumeId, "virtualmachineid", vmId).inner().get("jobid")
                .getAsString()), "volume");
        assertTrue(lxdVolumeExists(volumeId));

        JsonObject deleted = job("deleteAccount", "id", account.get("id").getAsString());
        assertEquals(deleted.toString(), 1, deleted.get("jobstatus").getAsInt());
        assertFalse("the account's container is gone", daemon.instance(vmId).isPresent());
        assertFalse("and so is its volume's custom volume", lxdVolumeExists(volumeId));
    }

    @Test
    public void ec2VolumeAttachesToARunningLxdInstance() {
        Live.require("LXD daemon", lxdMissing.isEmpty(), lxdMissing.orElse(""));
        String vm = deploy(lxdZone, LXD_VMS, "vol-lxd-ec2");
        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            String instanceId = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name")
                    .values("vol-lxd-ec2").build())).reservations().get(0).instances().get(0).instanceId();
            String volumeId = ec2.createVolume(r -> r.availabilityZone("VolLxcZone").size(5)).volumeId();
            ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device("/dev/sdf"));
            // the core volume behind the EC2 id: the instance's one data volume
            String uuid = admin("listVolumes", "virtualmachineid", vm, "type", "DATADISK").getAsJsonArray("volume")
                    .get(0).getAsJsonObject().get("id").getAsString();
            VOLUMES.add(uuid);
            assertEquals(VolumeState.IN_USE, ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).state());
            JsonObject disk = lxdDevice(vm, "skyport-disk5");
            assertNotNull("/dev/sdf is device 5, mounted at /mnt/disk5", disk);
            assertEquals("skyport-vol-" + uuid, disk.get("source").getAsString());
            sh("LXC", vm, "echo from-ec2 > /mnt/disk5/f");
            assertEquals("from-ec2\n", sh("LXC", vm, "cat /mnt/disk5/f"));

            Ec2Exception inUse = org.junit.Assert.assertThrows(Ec2Exception.class,
                    () -> ec2.deleteVolume(r -> r.volumeId(volumeId)));
            assertEquals("VolumeInUse", inUse.awsErrorDetails().errorCode());
            assertTrue("a refused delete keeps the custom volume", lxdVolumeExists(uuid));

            ec2.detachVolume(r -> r.volumeId(volumeId));
            assertNull(lxdDevice(vm, "skyport-disk5"));
            ec2.deleteVolume(r -> r.volumeId(volumeId));
            assertFalse("DeleteVolume removes the custom volume", lxdVolumeExists(uuid));
        }
        job("destroyVirtualMachine", "id", vm, "expunge", "true");
    }
}
