package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.vm.PowerStateSync;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * A real LXD daemon as a Skyport host of type LXC: everything goes through Skyport's APIs
 * (native, EC2, GCE), and every effect is checked on the daemon itself through its REST API.
 * Skips when no daemon answers at /var/lib/lxd/unix.socket with the pool and image .ci/run sets
 * up; with SKYPORT_REQUIRE_LIVE=1 that is a failure.
 */
public class LxdHostIT {
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFK19acDaKydonL3zx9qL/oOxGqmWP6QJD28"
            + "+r56eQuk skyport-it";
    private static final String USER_DATA = "#cloud-config\nhostname: from-userdata\n";
    private static final String SEED = "/var/lib/cloud/seed/nocloud/";
    private static final TestServer SERVER = new TestServer();
    private static LxdDaemon daemon;
    private static final List<String> CREATED = new ArrayList<>();
    private static ContainerZone lxc;
    private static String zone;
    private static String hostId;
    private static String pod;
    private static String cluster;
    private static String offering;
    private static String template;

    @BeforeClass
    public static void daemonAndZone() throws Exception {
        daemon = LxdDaemon.required();
        SERVER.start();
        lxc = ContainerZone.lxc(SERVER, "Lxc");
        zone = lxc.zone;
        pod = lxc.pod;
        cluster = lxc.cluster;
        hostId = lxc.hostId;
        offering = lxc.offering;
        template = lxc.template;
        admin("registerSSHKeyPair", "name", "it-key", "publickey", ED25519);
    }

    @AfterClass
    public static void cleanUp() {
        if (daemon != null) {
            CREATED.forEach(daemon::removeQuietly);
            daemon.close();
        }
        SERVER.stop();
    }

    private static JsonObject admin(String command, String... kv) {
        return lxc.admin(command, kv);
    }

    private static JsonObject job(String command, String... kv) {
        return lxc.job(command, kv);
    }

    private static JsonObject vmOf(JsonObject job) {
        return ContainerZone.vmOf(job);
    }

    private static String deploy(String name, String... extra) {
        String id = lxc.deploy(name, extra).get("id").getAsString();
        CREATED.add(id);
        return id;
    }

    private static String state(String vmId) {
        return admin("listVirtualMachines", "id", vmId).getAsJsonArray("virtualmachine").get(0).getAsJsonObject()
                .get("state").getAsString();
    }

    private static String vmNamed(String name) {
        return admin("listVirtualMachines", "name", name).getAsJsonArray("virtualmachine").get(0).getAsJsonObject()
                .get("id").getAsString();
    }

    private static HypervisorDriver driver() {
        return SERVER.server().coreBean(ModuleRegistry.class).driver("LXC").orElseThrow();
    }

    private static HostRef hostRef() {
        return SERVER.server().coreBean(HostDao.class).hosts(null, null, null, null, "LXC", null).get(0).ref();
    }

    /** Skyport keeps a registered key as type and blob, without its comment. */
    private static String storedKey(String key) {
        return key.substring(0, key.lastIndexOf(' ')) + "\n";
    }

    @Test
    public void hostReportsTheDaemonsCapacity() {
        JsonObject resources = daemon.lxd.get("/1.0/resources").getAsJsonObject();
        JsonObject host = admin("listHosts", "id", hostId).getAsJsonArray("host").get(0).getAsJsonObject();
        assertEquals("LXC", host.get("hypervisor").getAsString());
        assertEquals(resources.getAsJsonObject("cpu").get("total").getAsInt(), host.get("cpunumber").getAsInt());
        assertEquals(resources.getAsJsonObject("memory").get("total").getAsLong(),
                host.get("memorytotal").getAsLong());
    }

    @Test
    public void aHostWhoseDaemonDoesNotAnswerOrLacksThePoolIsRefusedWithTheReason() {
        NativeClient.Reply noDaemon = SERVER.admin().call("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster,
                "hypervisor", "LXC", "url", "unix:///var/lib/skyport-no-such-lxd/unix.socket");
        assertEquals(noDaemon.body(), 431, noDaemon.status());
        assertTrue(noDaemon.body(), noDaemon.body().contains("cannot reach the LXD daemon at "
                + "/var/lib/skyport-no-such-lxd/unix.socket"));
        NativeClient.Reply noPool = SERVER.admin().call("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster,
                "hypervisor", "LXC", "url", LxdDaemon.URL + "?pool=skyport-no-such-pool");
        assertEquals(noPool.body(), 431, noPool.status());
        assertTrue(noPool.body(), noPool.body().contains("has no storage pool skyport-no-such-pool"));
        assertEquals("neither was added", 1, admin("listHosts", "hypervisor", "LXC").getAsJsonArray("host").size());
    }

    @Test
    public void deployedVmIsALimitedContainerHoldingItsUserDataAndKey() {
        String userData = Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8));
        String id = deploy("lxc1", "userdata", userData, "keypair", "it-key");
        JsonObject instance = daemon.instance(id).orElseThrow(() -> new AssertionError("no instance"));
        assertEquals("Running", instance.get("status").getAsString());
        assertEquals("container", instance.get("type").getAsString());
        assertEquals(id, daemon.config(id, "user.skyport.vm"));
        String account = admin("listAccounts", "name", "admin").getAsJsonArray("account").get(0).getAsJsonObject()
                .get("id").getAsString();
        assertEquals(account, daemon.config(id, "user.skyport.account"));
        assertEquals("1 vCPU", "1", daemon.config(id, "limits.cpu"));
        assertEquals("1 x 500 MHz as a weight: 500 of the default 1024 shares", "49%",
                daemon.config(id, "limits.cpu.allowance"));
        assertEquals("128 MB", "128MiB", daemon.config(id, "limits.memory"));
        assertEquals("1024", daemon.config(id, "limits.processes"));
        JsonObject devices = instance.getAsJsonObject("expanded_devices");
        assertEquals("only a root disk, no NIC: " + devices, 1, devices.size());
        assertEquals("default", devices.getAsJsonObject("root").get("pool").getAsString());

        assertEquals(USER_DATA, daemon.file(id, SEED + "user-data"));
        assertEquals("instance-id: " + id + "\nlocal-hostname: lxc1\n", daemon.file(id, SEED + "meta-data"));
        assertEquals(storedKey(ED25519), daemon.file(id, "/root/.ssh/authorized_keys"));

        HypervisorDriver.ExecResult hostname = driver().exec(hostRef(), id, List.of("hostname"));
        assertEquals(0, hostname.exitCode());
        assertEquals("the image's init took its host name from the seed, so the seed was there at boot", "lxc1\n",
                hostname.stdout());
        HypervisorDriver.ExecResult keyMode = driver().exec(hostRef(), id, List.of("stat", "-c", "%a %u",
                "/root/.ssh/authorized_keys", "/root/.ssh"));
        assertEquals("600 0\n700 0\n", keyMode.stdout());
        HypervisorDriver.ExecResult failing = driver().exec(hostRef(), id, List.of("sh", "-c",
                "echo out; echo oops >&2; exit 3"));
        assertEquals(3, failing.exitCode());
        assertEquals("out\n", failing.stdout());
        assertEquals("oops\n", failing.stderr());

        HypervisorDriver.VmStats stats = driver().stats(hostRef(), id);
        assertEquals("the offering's memory limit", 128L * 1024 * 1024, stats.memoryLimitBytes());
        assertTrue(stats.toString(), stats.memoryUsedBytes() > 0 && stats.cpuPercent() >= 0);

        assertEquals(1, job("destroyVirtualMachine", "id", id, "expunge", "true").get("jobstatus").getAsInt());
        assertFalse("expunge deletes the instance", daemon.instance(id).isPresent());
    }

    @Test
    public void stopStartRebootConsoleAndDestroyActOnTheContainer() {
        String id = deploy("lxc2");
        assertEquals("Stopped", vmOf(job("stopVirtualMachine", "id", id)).get("state").getAsString());
        assertTrue("a stopped VM keeps its container", daemon.instance(id).isPresent());
        assertFalse(daemon.running(id));

        String updated = "#cloud-config\nhostname: updated-while-stopped\n";
        admin("updateVirtualMachine", "id", id, "userdata", Base64.getEncoder().encodeToString(
                updated.getBytes(StandardCharsets.UTF_8)));

        assertEquals("Running", vmOf(job("startVirtualMachine", "id", id)).get("state").getAsString());
        assertTrue(daemon.running(id));
        assertEquals("user data changed while stopped reaches the container at its start", updated,
                daemon.file(id, SEED + "user-data"));
        long pid = daemon.initPid(id);
        assertEquals(1, job("rebootVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertTrue(daemon.running(id));
        assertNotEquals("a reboot restarts the container's init", pid, daemon.initPid(id));

        // what the container prints on its console is what GetConsoleOutput shows: its init's boot line,
        // and a line written to /dev/console from inside
        driver().exec(hostRef(), id, List.of("sh", "-c", "echo skyport-console-marker > /dev/console"));
        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            String instanceId = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values("lxc2")
                    .build())).reservations().get(0).instances().get(0).instanceId();
            String console = new String(Base64.getDecoder().decode(ec2.getConsoleOutput(r -> r.instanceId(instanceId))
                    .output()), StandardCharsets.UTF_8);
            assertTrue(console, console.contains(LxdDaemon.BOOT_LINE + "lxc2"));
            assertTrue(console, console.contains("skyport-console-marker"));
        }

        assertEquals("Destroyed", vmOf(job("destroyVirtualMachine", "id", id)).get("state").getAsString());
        assertFalse("a destroyed VM is stopped", daemon.running(id));
        assertEquals(1, job("expungeVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertFalse("expunge deletes the instance", daemon.instance(id).isPresent());
    }

    @Test
    public void anEc2InstanceIsALimitedContainerWithItsUserDataAndImportedKey() {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINtd0uBTEUzwXDFuqFN7Pnpu2ryOuXv9r52VCLeUU5JJ ec2-it";
        String userData = "#cloud-config\nhostname: from-ec2\n";
        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            ec2.importKeyPair(r -> r.keyName("ec2-lxc-key").publicKeyMaterial(software.amazon.awssdk.core.SdkBytes
                    .fromUtf8String(key)));
            String imageId = ec2.describeImages(r -> r.filters(Filter.builder().name("name").values("busybox")
                    .build())).images().get(0).imageId();
            String instanceId = ec2.runInstances(r -> r.imageId(imageId).instanceType("LxcSmall").minCount(1)
                    .maxCount(1).keyName("ec2-lxc-key").placement(p -> p.availabilityZone("LxcZone"))
                    .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))
                    .tagSpecifications(t -> t.resourceType("instance").tags(software.amazon.awssdk.services.ec2.model
                            .Tag.builder().key("Name").value("ec2-lxc").build()))).instances().get(0).instanceId();
            ec2.waiter().waitUntilInstanceRunning(DescribeInstancesRequest.builder().instanceIds(instanceId).build(),
                    Ec2Sdk.quickly());
            String id = vmNamed("ec2-lxc");
            CREATED.add(id);
            assertTrue(daemon.running(id));
            assertEquals("128MiB", daemon.config(id, "limits.memory"));
            assertEquals(userData, daemon.file(id, SEED + "user-data"));
            assertEquals(storedKey(key), daemon.file(id, "/root/.ssh/authorized_keys"));
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
            ec2.waiter().waitUntilInstanceTerminated(DescribeInstancesRequest.builder().instanceIds(instanceId)
                    .build(), Ec2Sdk.quickly());
            assertFalse("a terminated instance's container is stopped", daemon.running(id));
        }
    }

    @Test
    public void aGceInstanceIsAContainerWithItsStartupScriptKeysAndSerialOutput() throws Exception {
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        String script = "#!/bin/sh\necho from-startup-script\n";
        // the key is the admin's it-key already: the instance gets it under that name
        String body = "{\"name\":\"gce-lxc\",\"machineType\":\"zones/lxczone/machineTypes/lxcsmall\","
                + "\"disks\":[{\"boot\":true,\"initializeParams\":{\"sourceImage\":\"global/images/busybox\"}}],"
                + "\"metadata\":{\"items\":[{\"key\":\"ssh-keys\",\"value\":\"root:" + ED25519 + "\"},"
                + "{\"key\":\"startup-script\",\"value\":\"" + script.replace("\n", "\\n") + "\"}]}}";
        JsonObject done = gce.await(gce.ok("POST", "zones/lxczone/instances", body));
        assertFalse(done.toString(), done.has("error"));
        assertEquals("RUNNING", gce.ok("GET", "zones/lxczone/instances/gce-lxc", null).get("status")
                .getAsString());
        String id = vmNamed("gce-lxc");
        CREATED.add(id);
        assertTrue(daemon.running(id));
        assertEquals("the startup script is the container's user data", script, daemon.file(id, SEED + "user-data"));
        assertEquals(storedKey(ED25519), daemon.file(id, "/root/.ssh/authorized_keys"));
        assertTrue("the serial port shows the container's console", gce.ok("GET",
                "zones/lxczone/instances/gce-lxc/serialPort", null).get("contents").getAsString()
                .contains(LxdDaemon.BOOT_LINE + "gce-lxc"));
        gce.await(gce.ok("POST", "zones/lxczone/instances/gce-lxc/stop", null));
        assertFalse(daemon.running(id));
        assertEquals("TERMINATED", gce.ok("GET", "zones/lxczone/instances/gce-lxc", null).get("status")
                .getAsString());
        gce.await(gce.ok("DELETE", "zones/lxczone/instances/gce-lxc", null));
        assertFalse("deleting the instance deletes its container", daemon.instance(id).isPresent());
    }

    @Test
    public void aContainerStoppedOnTheDaemonIsReconciledToStopped() throws Exception {
        String id = deploy("lxc3");
        long usedBefore = cpuUsed();
        daemon.kill(id);
        // settled by the daemon's lifecycle event (LxdEventsIT) or, if that has not arrived yet, by this pass
        SERVER.server().coreBean(PowerStateSync.class).syncAll();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"Stopped".equals(state(id)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("Stopped", state(id));
        assertEquals("its capacity is released", usedBefore - 500, cpuUsed());
        assertEquals("and it starts again", "Running", vmOf(job("startVirtualMachine", "id", id)).get("state")
                .getAsString());
        assertTrue(daemon.running(id));
        assertEquals("a running VM is left alone", 0, SERVER.server().coreBean(PowerStateSync.class).syncAll());
        assertEquals("the driver lists it running", HypervisorDriver.PowerState.RUNNING,
                driver().list(hostRef()).get(id));
        job("destroyVirtualMachine", "id", id, "expunge", "true");
    }

    private static long cpuUsed() {
        return SERVER.server().coreBean(HostDao.class).hosts(null, null, null, null, "LXC", null).get(0).cpuUsed();
    }

    @Test
    public void aTemplateWhoseImageTheDaemonLacksFailsTheDeployAndLeavesNoInstance() {
        String missing = admin("registerTemplate", "name", "absent", "displaytext", "absent image", "url",
                "http://images.invalid/absent.tar", "format", "CONTAINER", "hypervisor", "LXC", "zoneid", zone,
                "details[0].image", "skyport-absent-never").getAsJsonArray("template").get(0).getAsJsonObject()
                .get("id").getAsString();
        List<String> before = daemon.skyportInstances();
        JsonObject failed = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                missing, "name", "lxc4");
        assertEquals(failed.toString(), 2, failed.get("jobstatus").getAsInt());
        assertTrue(failed.toString(), failed.toString().contains("image skyport-absent-never is not on the LXD host"));
        assertEquals("no instance is left behind", before, daemon.skyportInstances());
    }

    @Test
    public void aRootfsTarballTemplateIsImportedOnceAsAnAliasedImageAndBootsItsInit() throws Exception {
        String alias = null;
        try (TarballServer files = new TarballServer(DockerEngine.rootfsTarball())) {
            String rootfs = registerTar("lxc-rootfs", files.url());
            alias = "skyport-template-" + rootfs;
            String first = deploy("lxcroot1", "templateid", rootfs);
            String second = deploy("lxcroot2", "templateid", rootfs);
            assertEquals("the tarball is fetched once, for the first deploy", 1, files.fetches());
            assertTrue(daemon.running(first) && daemon.running(second));
            assertTrue("the image is on the daemon under the template's alias", daemon.hasImage(alias));
            assertTrue(daemon.file(first, SEED + "meta-data").contains(first));
            String console = ContainerZone.consoleShowing(DockerEngine.BOOT_LINE,
                    () -> driver().consoleOutput(hostRef(), first));
            assertTrue("the image's init printed its boot line on the console: " + console,
                    console.contains(DockerEngine.BOOT_LINE));

            String broken = registerTar("lxc-gone", files.missingUrl());
            JsonObject failed = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                    "templateid", broken, "name", "lxcroot3");
            assertEquals(failed.toString(), 2, failed.get("jobstatus").getAsInt());
            assertTrue(failed.toString(), failed.toString().contains("HTTP 404"));
            assertFalse("no image is left behind", daemon.hasImage("skyport-template-" + broken));
        } finally {
            for (String name : List.of("lxcroot1", "lxcroot2")) {
                JsonArray vms = admin("listVirtualMachines", "name", name).getAsJsonArray("virtualmachine");
                if (vms != null) {
                    job("destroyVirtualMachine", "id", vms.get(0).getAsJsonObject().get("id").getAsString(), "expunge",
                            "true");
                }
            }
            if (alias != null) {
                daemon.removeImage(alias);
            }
        }
    }

    private static String registerTar(String name, String url) {
        return admin("registerTemplate", "name", name, "displaytext", name + " root file system", "url", url,
                "format", "TAR", "hypervisor", "LXC", "zoneid", zone, "ispublic", "true")
                .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
    }
}
