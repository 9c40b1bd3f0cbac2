package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
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
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * A real Docker engine as a Skyport host: everything goes through the native API (and EC2's
 * GetConsoleOutput), and every effect is checked on the engine itself. Skips when no engine
 * answers at /var/run/docker.sock; with SKYPORT_REQUIRE_LIVE=1 that is a failure.
 */
public class DockerHostIT {
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFK19acDaKydonL3zx9qL/oOxGqmWP6QJD28"
            + "+r56eQuk skyport-it";
    private static final String USER_DATA = "#cloud-config\nhostname: from-userdata\n";
    private static final TestServer SERVER = new TestServer();
    private static DockerEngine engine;
    private static final List<String> CREATED = new ArrayList<>();
    private static ContainerZone docker;
    private static String zone;
    private static String hostId;
    private static String offering;
    private static String template;

    @BeforeClass
    public static void engineAndZone() throws Exception {
        Optional<String> missing = DockerEngine.unavailable();
        Live.require("Docker engine", missing.isEmpty(), missing.orElse(""));
        engine = new DockerEngine();
        engine.ensureImage();
        SERVER.start();
        docker = ContainerZone.docker(SERVER, "Docker");
        zone = docker.zone;
        hostId = docker.hostId;
        offering = docker.offering;
        template = docker.template;
        admin("registerSSHKeyPair", "name", "it-key", "publickey", ED25519);
    }

    @AfterClass
    public static void cleanUp() {
        if (engine != null) {
            CREATED.forEach(engine::removeQuietly);
            engine.close();
        }
        SERVER.stop();
    }

    private static JsonObject admin(String command, String... kv) {
        return docker.admin(command, kv);
    }

    private static JsonObject job(String command, String... kv) {
        return docker.job(command, kv);
    }

    private static JsonObject vmOf(JsonObject job) {
        return ContainerZone.vmOf(job);
    }

    private static String deploy(String name, String... extra) {
        String id = docker.deploy(name, extra).get("id").getAsString();
        CREATED.add(id);
        return id;
    }

    private static String state(String vmId) {
        return admin("listVirtualMachines", "id", vmId).getAsJsonArray("virtualmachine").get(0).getAsJsonObject()
                .get("state").getAsString();
    }

    @Test
    public void hostReportsTheEnginesCapacity() {
        Info info = engine.docker.infoCmd().exec();
        JsonObject host = admin("listHosts", "id", hostId).getAsJsonArray("host").get(0).getAsJsonObject();
        assertEquals("Docker", host.get("hypervisor").getAsString());
        assertEquals(info.getNCPU().intValue(), host.get("cpunumber").getAsInt());
        assertEquals(info.getMemTotal().longValue(), host.get("memorytotal").getAsLong());
    }

    @Test
    public void deployedVmIsALabelledLimitedContainerHoldingItsUserDataAndKey() throws Exception {
        String userData = Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8));
        String id = deploy("dock1", "userdata", userData, "keypair", "it-key");
        InspectContainerResponse c = engine.container(id).orElseThrow(() -> new AssertionError("no container"));
        assertTrue(c.getState().getRunning());
        assertEquals(id, c.getConfig().getLabels().get("skyport.vm"));
        String account = admin("listAccounts", "name", "admin").getAsJsonArray("account").get(0).getAsJsonObject()
                .get("id").getAsString();
        assertEquals(account, c.getConfig().getLabels().get("skyport.account"));
        HostConfig limits = c.getHostConfig();
        assertEquals("1 vCPU", 1_000_000_000L, limits.getNanoCPUs().longValue());
        assertEquals("1 x 500 MHz", 500, limits.getCpuShares().intValue());
        assertEquals("128 MB", 128L * 1024 * 1024, limits.getMemory().longValue());
        assertEquals(1024L, limits.getPidsLimit().longValue());
        assertEquals("the engine has no bridge: no network", "none", limits.getNetworkMode());
        assertEquals(USER_DATA, engine.exec(id, "cat", "/var/lib/cloud/seed/nocloud/user-data"));
        assertEquals("instance-id: " + id + "\nlocal-hostname: dock1\n",
                engine.exec(id, "cat", "/var/lib/cloud/seed/nocloud/meta-data"));
        // Skyport keeps a registered key as type and blob, without its comment
        assertEquals(ED25519.substring(0, ED25519.lastIndexOf(' ')) + "\n",
                engine.exec(id, "cat", "/root/.ssh/authorized_keys"));

        HypervisorDriver driver = SERVER.server().coreBean(ModuleRegistry.class).driver("Docker").orElseThrow();
        HostRef host = SERVER.server().coreBean(HostDao.class).hosts(null, null, null, null, "Docker", null).get(0)
                .ref();
        HypervisorDriver.VmStats stats = driver.stats(host, id);
        assertEquals("the stats endpoint reports the offering's memory limit", 128L * 1024 * 1024,
                stats.memoryLimitBytes());
        assertTrue(stats.toString(), stats.memoryUsedBytes() > 0 && stats.cpuPercent() >= 0);
        HypervisorDriver.ExecResult hostname = driver.exec(host, id, List.of("hostname"));
        assertEquals(0, hostname.exitCode());
        assertEquals("dock1\n", hostname.stdout());
        HypervisorDriver.ExecResult failing = driver.exec(host, id, List.of("sh", "-c", "echo oops >&2; exit 3"));
        assertEquals(3, failing.exitCode());
        assertEquals("oops\n", failing.stderr());

        assertEquals(1, job("destroyVirtualMachine", "id", id, "expunge", "true").get("jobstatus").getAsInt());
        assertFalse("expunge removes the container", engine.container(id).isPresent());
    }

    @Test
    public void stopStartRebootConsoleAndDestroyActOnTheContainer() throws Exception {
        String id = deploy("dock2");
        assertEquals("Stopped", vmOf(job("stopVirtualMachine", "id", id)).get("state").getAsString());
        assertTrue("a stopped VM keeps its container", engine.container(id).isPresent());
        assertFalse(engine.running(id));

        String updated = "#cloud-config\nhostname: updated-while-stopped\n";
        admin("updateVirtualMachine", "id", id, "userdata", Base64.getEncoder().encodeToString(
                updated.getBytes(StandardCharsets.UTF_8)));

        assertEquals("Running", vmOf(job("startVirtualMachine", "id", id)).get("state").getAsString());
        assertTrue(engine.running(id));
        assertEquals("user data changed while stopped reaches the container at its start", updated,
                engine.exec(id, "cat", "/var/lib/cloud/seed/nocloud/user-data"));
        String startedAt = engine.container(id).orElseThrow().getState().getStartedAt();
        assertEquals(1, job("rebootVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertTrue(engine.running(id));
        assertNotEquals("a reboot restarts the container", startedAt,
                engine.container(id).orElseThrow().getState().getStartedAt());

        // what the container prints on its console (its stdout) is what GetConsoleOutput shows
        engine.exec(id, "sh", "-c", "echo skyport-console-marker > /proc/1/fd/1");
        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            String instanceId = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values("dock2")
                    .build())).reservations().get(0).instances().get(0).instanceId();
            String console = new String(Base64.getDecoder().decode(ec2.getConsoleOutput(r -> r.instanceId(instanceId))
                    .output()), StandardCharsets.UTF_8);
            assertTrue(console, console.contains("skyport-console-marker"));
        }

        assertEquals("Destroyed", vmOf(job("destroyVirtualMachine", "id", id)).get("state").getAsString());
        assertFalse("a destroyed VM is stopped", engine.running(id));
        assertEquals(1, job("expungeVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertFalse("expunge removes the container", engine.container(id).isPresent());
    }

    @Test
    public void anEc2InstanceIsALimitedContainerWithItsUserDataAndImportedKey() throws Exception {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINtd0uBTEUzwXDFuqFN7Pnpu2ryOuXv9r52VCLeUU5JJ ec2-it";
        String userData = "#cloud-config\nhostname: from-ec2\n";
        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            ec2.importKeyPair(r -> r.keyName("ec2-dock-key").publicKeyMaterial(software.amazon.awssdk.core.SdkBytes
                    .fromUtf8String(key)));
            String imageId = ec2.describeImages(r -> r.filters(Filter.builder().name("name").values("busybox").build()))
                    .images().get(0).imageId();
            String instanceId = ec2.runInstances(r -> r.imageId(imageId).instanceType("DockerSmall").minCount(1)
                    .maxCount(1).keyName("ec2-dock-key").placement(p -> p.availabilityZone("DockerZone"))
                    .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))
                    .tagSpecifications(t -> t.resourceType("instance").tags(software.amazon.awssdk.services.ec2.model
                            .Tag.builder().key("Name").value("ec2-dock").build()))).instances().get(0).instanceId();
            ec2.waiter().waitUntilInstanceRunning(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest
                    .builder().instanceIds(instanceId).build(), Ec2Sdk.quickly());
            String id = admin("listVirtualMachines", "name", "ec2-dock").getAsJsonArray("virtualmachine").get(0)
                    .getAsJsonObject().get("id").getAsString();
            CREATED.add(id);
            assertTrue(engine.running(id));
            assertEquals(128L * 1024 * 1024, engine.container(id).orElseThrow().getHostConfig().getMemory()
                    .longValue());
            assertEquals(userData, engine.exec(id, "cat", "/var/lib/cloud/seed/nocloud/user-data"));
            assertEquals(key.substring(0, key.lastIndexOf(' ')) + "\n", engine.exec(id, "cat",
                    "/root/.ssh/authorized_keys"));
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
            ec2.waiter().waitUntilInstanceTerminated(software.amazon.awssdk.services.ec2.model
                    .DescribeInstancesRequest.builder().instanceIds(instanceId).build(), Ec2Sdk.quickly());
            assertFalse("a terminated instance's container is stopped", engine.running(id));
        }
    }

    @Test
    public void aGceInstanceIsAContainerWithItsStartupScriptKeysAndSerialOutput() throws Exception {
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        String script = "#!/bin/sh\necho from-startup-script\n";
        // the key is the admin's it-key already: the instance gets it under that name
        String body = "{\"name\":\"gce-dock\",\"machineType\":\"zones/dockerzone/machineTypes/dockersmall\","
                + "\"disks\":[{\"boot\":true,\"initializeParams\":{\"sourceImage\":\"global/images/busybox\"}}],"
                + "\"metadata\":{\"items\":[{\"key\":\"ssh-keys\",\"value\":\"root:" + ED25519 + "\"},"
                + "{\"key\":\"startup-script\",\"value\":\"" + script.replace("\n", "\\n") + "\"}]}}";
        JsonObject done = gce.await(gce.ok("POST", "zones/dockerzone/instances", body));
        assertFalse(done.toString(), done.has("error"));
        assertEquals("RUNNING", gce.ok("GET", "zones/dockerzone/instances/gce-dock", null).get("status")
                .getAsString());
        String id = admin("listVirtualMachines", "name", "gce-dock").getAsJsonArray("virtualmachine").get(0)
                .getAsJsonObject().get("id").getAsString();
        CREATED.add(id);
        assertTrue(engine.running(id));
        assertEquals("the startup script is the container's user data", script,
                engine.exec(id, "cat", "/var/lib/cloud/seed/nocloud/user-data"));
        assertEquals(ED25519.substring(0, ED25519.lastIndexOf(' ')) + "\n",
                engine.exec(id, "cat", "/root/.ssh/authorized_keys"));
        engine.exec(id, "sh", "-c", "echo gce-serial-marker > /proc/1/fd/1");
        assertTrue(gce.ok("GET", "zones/dockerzone/instances/gce-dock/serialPort", null).get("contents").getAsString()
                .contains("gce-serial-marker"));
        gce.await(gce.ok("POST", "zones/dockerzone/instances/gce-dock/stop", null));
        assertFalse(engine.running(id));
        assertEquals("TERMINATED", gce.ok("GET", "zones/dockerzone/instances/gce-dock", null).get("status")
                .getAsString());
        gce.await(gce.ok("DELETE", "zones/dockerzone/instances/gce-dock", null));
        assertFalse("deleting the instance removes its container", engine.container(id).isPresent());
    }

    @Test
    public void aContainerKilledOnTheEngineIsReconciledToStopped() throws Exception {
        String id = deploy("dock3");
        long usedBefore = cpuUsed();
        engine.docker.killContainerCmd("skyport-" + id).exec();
        // settled by the engine's die event or, if that has not arrived yet, by this pass
        SERVER.server().coreBean(PowerStateSync.class).syncAll();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"Stopped".equals(state(id)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("Stopped", state(id));
        assertEquals("its capacity is released", usedBefore - 500, cpuUsed());
        assertEquals("and it starts again", "Running", vmOf(job("startVirtualMachine", "id", id)).get("state")
                .getAsString());
        assertTrue(engine.running(id));
        assertEquals("a running VM is left alone", 0, SERVER.server().coreBean(PowerStateSync.class).syncAll());
        job("destroyVirtualMachine", "id", id, "expunge", "true");
    }

    private static long cpuUsed() {
        return SERVER.server().coreBean(HostDao.class).hosts(null, null, null, null, "Docker",
                null).get(0).cpuUsed();
    }

    @Test
    public void aTemplateWhoseImageTheEngineLacksFailsTheDeployAndLeavesNoContainer() {
        String missing = admin("registerTemplate", "name", "absent", "displaytext", "absent image", "url",
                "http://images.invalid/absent.tar", "format", "CONTAINER", "hypervisor", "Docker", "zoneid", zone,
                "details[0].image", "skyport-absent:never").getAsJsonArray("template").get(0).getAsJsonObject()
                .get("id").getAsString();
        JsonObject failed = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                missing, "name", "dock4");
        assertEquals(failed.toString(), 2, failed.get("jobstatus").getAsInt());
        assertTrue(failed.toString(), failed.toString().contains("skyport-absent:never"));
        assertTrue("no container is left behind", engine.docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("skyport-")).exec().stream()
                .noneMatch(c -> "skyport-absent:never".equals(c.getImage())));
    }

    @Test
    public void aRootfsTarballTemplateIsImportedOnceAndBootsItsInit() throws Exception {
        String image = null;
        try (TarballServer files = new TarballServer(DockerEngine.rootfsTarball())) {
            String rootfs = registerTar("rootfs", files.url());
            image = "skyport-template-" + rootfs;
            String first = deploy("dock5", "templateid", rootfs);
            String second = deploy("dock6", "templateid", rootfs);
            assertEquals("the tarball is fetched once, for the first deploy", 1, files.fetches());
            assertTrue(engine.running(first) && engine.running(second));
            assertEquals("an image without a command runs init", List.of("/sbin/init"),
                    List.of(engine.container(first).orElseThrow().getConfig().getCmd()));
            assertTrue(engine.exec(first, "cat", "/var/lib/cloud/seed/nocloud/meta-data").contains(first));
            try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
                String instanceId = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name")
                        .values("dock5").build())).reservations().get(0).instances().get(0).instanceId();
                String console = ContainerZone.consoleShowing(DockerEngine.BOOT_LINE, () -> {
                    String output = ec2.getConsoleOutput(r -> r.instanceId(instanceId)).output();
                    return output == null ? "" : new String(Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
                });
                assertTrue("init printed its boot line on the console: " + console,
                        console.contains(DockerEngine.BOOT_LINE));
            }

            String broken = registerTar("gone", files.missingUrl());
            JsonObject failed = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                    "templateid", broken, "name", "dock7");
            assertEquals(failed.toString(), 2, failed.get("jobstatus").getAsInt());
            assertTrue(failed.toString(), failed.toString().contains("HTTP 404"));
            assertFalse("no image is left behind", engine.hasImage("skyport-template-" + broken));
            assertTrue(admin("listVirtualMachines", "name", "dock7").getAsJsonArray("virtualmachine") == null);
        } finally {
            if (image != null) {
                for (String name : List.of("dock5", "dock6")) {
                    JsonArray vms = admin("listVirtualMachines", "name", name).getAsJsonArray("virtualmachine");
                    if (vms != null) {
                        job("destroyVirtualMachine", "id", vms.get(0).getAsJsonObject().get("id").getAsString(),
                                "expunge", "true");
                    }
                }
                try {
                    engine.docker.removeImageCmd(image).withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // not imported
                }
            }
        }
    }

    private static String registerTar(String name, String url) {
        return admin("registerTemplate", "name", name, "displaytext", name + " root file system", "url", url,
                "format", "TAR", "hypervisor", "Docker", "zoneid", zone, "ispublic", "true")
                .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
    }
}
