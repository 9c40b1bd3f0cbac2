package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.vm.VmStatsCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * What an administrator sees of VMs on a real Docker engine: commands run inside them
 * (executeVirtualMachineCommand, audited), their cpu and memory in listVirtualMachines and in
 * Prometheus, and no guest address where the engine gives them no network, in all three APIs.
 * The demo zone's simulated VMs are the contrast: no exec, no metrics, addresses as before.
 * Skips when no engine answers at /var/run/docker.sock; with SKYPORT_REQUIRE_LIVE=1 that fails.
 */
public class ContainerInsightIT {
    private static final TestServer SERVER = new TestServer();
    private static final List<String> CREATED = new ArrayList<>();
    private static DockerEngine engine;
    private static ContainerZone docker;

    @BeforeClass
    public static void engineAndZone() throws Exception {
        Optional<String> missing = DockerEngine.unavailable();
        Live.require("Docker engine", missing.isEmpty(), missing.orElse(""));
        engine = new DockerEngine();
        engine.ensureImage();
        SERVER.start();
        docker = ContainerZone.docker(SERVER, "Insight");
    }

    @AfterClass
    public static void cleanUp() {
        if (engine != null) {
            CREATED.forEach(engine::removeQuietly);
            engine.close();
        }
        SERVER.stop();
    }

    private static JsonObject deploy(String name) {
        JsonObject vm = docker.deploy(name);
        CREATED.add(vm.get("id").getAsString());
        return vm;
    }

    /** A VM in the demo (simulator) zone. */
    private static JsonObject simulated(String name) {
        String zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).stream()
                .filter(z -> !z.name().equals(docker.zoneName)).findFirst().orElseThrow().uuid();
        String offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow()
                .uuid();
        String template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null,
                null).get(0).uuid();
        JsonObject done = docker.job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", name);
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        return done.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
    }

    private static JsonObject listed(String id) {
        return docker.admin("listVirtualMachines", "id", id).getAsJsonArray("virtualmachine").get(0).getAsJsonObject();
    }

    private static JsonObject exec(String id, String command, String... args) {
        List<String> kv = new ArrayList<>(List.of("id", id, "program", command));
        for (int i = 0; i < args.length; i++) {
            kv.add("args[" + i + "].value");
            kv.add(args[i]);
        }
        return docker.job("executeVirtualMachineCommand", kv.toArray(new String[0]));
    }

    private static List<JsonObject> execEvents(String vmId) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray events = docker.admin("listEvents", "type", "VM.EXEC", "pagesize", "500").getAsJsonArray("event");
        for (JsonElement e : events == null ? new JsonArray() : events) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("resourceid") && vmId.equals(o.get("resourceid").getAsString())) {
                out.add(o);
            }
        }
        return out;
    }

    @Test
    public void aCommandRunsInTheContainerWithItsOutputAndExitCodeAndIsAudited() {
        String id = deploy("exec1").get("id").getAsString();
        JsonObject done = exec(id, "sh", "-c", "echo $((6*7)); echo to, stderr >&2; exit 3");
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        JsonObject r = done.getAsJsonObject("jobresult").getAsJsonObject("virtualmachinecommand");
        assertEquals(r.toString(), 3, r.get("exitcode").getAsInt());
        assertEquals("42\n", r.get("stdout").getAsString());
        assertEquals("an argument with a comma and spaces arrives whole", "to, stderr\n", r.get("stderr")
                .getAsString());
        assertFalse(r.get("truncated").getAsBoolean());

        List<JsonObject> events = execEvents(id);
        assertEquals("one event when it starts, one with the outcome: " + events, 2, events.size());
        for (JsonObject e : events) {
            String d = e.get("description").getAsString();
            assertTrue(d, d.contains("sh -c 'echo $((6*7)); echo to, stderr >&2; exit 3'"));
            assertFalse("the output is not audited: " + d, d.contains("42"));
        }

        JsonObject big = exec(id, "sh", "-c", "yes x | head -c 100000").getAsJsonObject("jobresult")
                .getAsJsonObject("virtualmachinecommand");
        assertEquals(0, big.get("exitcode").getAsInt());
        assertEquals("output is cut to 64 KiB", 64 * 1024, big.get("stdout").getAsString().length());
        assertTrue(big.get("truncated").getAsBoolean());
    }

    @Test
    public void execIsForAdminsOnRunningVmsOfHostsThatCanRunCommands() {
        String id = deploy("exec2").get("id").getAsString();
        NativeClient tenant = SERVER.tenant("insight" + System.nanoTime());
        NativeClient.Reply denied = tenant.call("executeVirtualMachineCommand", "id", id, "program", "hostname");
        assertTrue(denied.body(), denied.status() >= 400 && denied.status() < 500);

        assertEquals(1, docker.job("stopVirtualMachine", "id", id).get("jobstatus").getAsInt());
        NativeClient.Reply stopped = SERVER.admin().call("executeVirtualMachineCommand", "id", id, "program",
                "hostname");
        assertEquals(stopped.body(), 431, stopped.status());
        assertTrue(stopped.body(), stopped.body().contains("must be Running"));

        String sim = simulated("sim-exec").get("id").getAsString();
        JsonObject failed = exec(sim, "hostname");
        assertEquals(failed.toString(), 2, failed.get("jobstatus").getAsInt());
        JsonObject error = failed.getAsJsonObject("jobresult");
        assertEquals(error.toString(), 431, error.get("errorcode").getAsInt());
        assertTrue(error.toString(), error.get("errortext").getAsString().contains("does not support running commands"));
        assertEquals("the refused call is audited too", 2, execEvents(sim).size());
    }

    @Test
    public void containerStatsAreInListVirtualMachinesAndPrometheus() throws Exception {
        String id = deploy("stats1").get("id").getAsString();
        String sim = simulated("sim-stats").get("id").getAsString();
        assertTrue(SERVER.server().coreBean(VmStatsCollector.class).sampleAll() >= 1);

        JsonObject vm = listed(id);
        assertTrue(vm.toString(), vm.get("cpuused").getAsString().matches("\\d+\\.\\d{2}%"));
        assertEquals("the offering's 128 MB limit", 128 * 1024, vm.get("memorytargetkbs").getAsLong());
        long used = vm.get("memorykbs").getAsLong();
        assertTrue(vm.toString(), used > 0 && used < 128 * 1024);
        assertEquals(128 * 1024 - used, vm.get("memoryintfreekbs").getAsLong(), 1);
        assertFalse("simulated VMs have no measurements", listed(sim).has("cpuused"));

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SERVER.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        String body = metrics.body();
        assertTrue(body, body.contains("skyport_vm_memory_limit_bytes{vm=\"" + id + "\"} 1.34217728E8"));
        assertTrue(body, body.contains("skyport_vm_cpu_usage_percent{vm=\"" + id + "\"}"));
        assertTrue(body, body.contains("skyport_vm_memory_used_bytes{vm=\"" + id + "\"}"));
        assertFalse(body, body.contains("vm=\"" + sim + "\""));
        assertTrue(body, body.matches("(?s).*skyport_host_vms\\{host=\"" + docker.hostId
                + "\",hypervisor=\"Docker\"} [1-9].*"));
        assertTrue(body, body.contains("skyport_host_cpus{host=\"" + docker.hostId + "\",hypervisor=\"Docker\"}"));

        assertEquals(1, docker.job("stopVirtualMachine", "id", id).get("jobstatus").getAsInt());
        SERVER.server().coreBean(VmStatsCollector.class).sampleAll();
        assertFalse("a stopped VM has no measurements", listed(id).has("cpuused"));
        String after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertFalse("its gauges are gone", after.contains("vm=\"" + id + "\""));
    }

    @Test
    public void aContainerWithoutANetworkHasNoAddressInAnyApi() throws Exception {
        JsonObject deployed = deploy("nonet1");
        String id = deployed.get("id").getAsString();
        assertEquals("the container has no interface but lo", "none", engine.container(id).orElseThrow()
                .getHostConfig().getNetworkMode());
        for (JsonObject vm : List.of(deployed, listed(id))) {
            assertFalse(vm.toString(), vm.has("ipaddress"));
            JsonObject nic = vm.getAsJsonArray("nic").get(0).getAsJsonObject();
            assertFalse(nic.toString(), nic.has("ipaddress"));
            assertFalse(nic.toString(), nic.has("gateway"));
            assertFalse(nic.toString(), nic.has("netmask"));
        }
        // a start after a stop does not bring an invented address back
        assertEquals(1, docker.job("stopVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertEquals(1, docker.job("startVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertFalse(listed(id).toString(), listed(id).has("ipaddress"));

        try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
            Instance i = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values("nonet1")
                    .build())).reservations().get(0).instances().get(0);
            assertNull(i.toString(), i.privateIpAddress());
            assertEquals("", i.privateDnsName());
        }
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        JsonObject instance = gce.ok("GET", "zones/insightzone/instances/nonet1", null);
        JsonObject ni = instance.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject();
        assertTrue(ni.toString(), !ni.has("networkIP") || ni.get("networkIP").getAsString().isEmpty());

        // simulated hosts attach the guest network: their VMs keep an address from its CIDR
        JsonObject sim = simulated("sim-net");
        assertTrue(sim.toString(), sim.has("ipaddress"));
        assertNotEquals("", sim.get("ipaddress").getAsString());
    }

    @Test
    public void aVmStartedOnAHostWithAGuestNetworkGetsAnAddressBackAndLosesItOnOneWithout() {
        // the same engine as a second host that names a network: the core then treats its VMs as
        // attached (the container itself keeps the network it was created with)
        ContainerZone zone = ContainerZone.docker(SERVER, "Move");
        String networked = zone.addHost("network=skyport-it-guests&stoptimeout=2");
        String id = zone.deploy("move1").get("id").getAsString();
        CREATED.add(id);
        assertFalse(listed(id).has("ipaddress"));

        assertEquals(1, zone.job("stopVirtualMachine", "id", id).get("jobstatus").getAsInt());
        JsonObject started = zone.job("startVirtualMachine", "id", id, "hostid", networked);
        assertEquals(started.toString(), 1, started.get("jobstatus").getAsInt());
        JsonObject vm = listed(id);
        assertEquals(networked, vm.get("hostid").getAsString());
        assertTrue(vm.toString(), vm.get("ipaddress").getAsString().startsWith("198.18."));
        JsonObject nic = vm.getAsJsonArray("nic").get(0).getAsJsonObject();
        assertEquals(vm.get("ipaddress").getAsString(), nic.get("ipaddress").getAsString());
        assertEquals("255.255.128.0", nic.get("netmask").getAsString());

        assertEquals(1, zone.job("stopVirtualMachine", "id", id).get("jobstatus").getAsInt());
        assertEquals(1, zone.job("startVirtualMachine", "id", id, "hostid", zone.hostId).get("jobstatus").getAsInt());
        assertFalse("back on the host without a network, the address is released", listed(id).has("ipaddress"));
        assertEquals(1, zone.job("destroyVirtualMachine", "id", id, "expunge", "true").get("jobstatus").getAsInt());
    }

    @Test
    public void theCollectorSamplesOnItsOwnAtTheConfiguredInterval() throws Exception {
        String id = deploy("stats2").get("id").getAsString();
        docker.admin("updateConfiguration", "name", "vm.stats.interval", "value", "1");
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!listed(id).has("cpuused") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertTrue("sampled without being asked: " + listed(id), listed(id).has("cpuused"));
        } finally {
            docker.admin("updateConfiguration", "name", "vm.stats.interval", "value", "60");
        }
    }

    /**
     * The same through an LXD daemon: the core reaches it through the driver SPI only, so an LXC
     * host without a NIC profile gives no address, runs commands and is measured like Docker.
     */
    @Test
    public void anLxcContainerRunsCommandsIsMeasuredAndHasNoAddress() throws Exception {
        Optional<String> missing = LxdDaemon.unavailable();
        Live.require("LXD daemon", missing.isEmpty(), missing.orElse(""));
        ContainerZone lxc = ContainerZone.lxc(SERVER, "LxcInsight");
        JsonObject done = lxc.job("deployVirtualMachine", "zoneid", lxc.zone, "serviceofferingid", lxc.offering,
                "templateid", lxc.template, "name", "lxcinsight1");
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        String id = done.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine").get("id").getAsString();
        try (LxdDaemon daemon = new LxdDaemon()) {
            try {
                assertFalse("no profile gives the container a NIC: " + listed(id), listed(id).has("ipaddress"));
                try (Ec2Client ec2 = Ec2Sdk.client(SERVER, SERVER.admin())) {
                    Instance i = ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name")
                            .values("lxcinsight1").build())).reservations().get(0).instances().get(0);
                    assertNull(i.toString(), i.privateIpAddress());
                }
                GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
                JsonObject ni = gce.ok("GET", "zones/lxcinsightzone/instances/lxcinsight1", null)
                        .getAsJsonArray("networkInterfaces").get(0).getAsJsonObject();
                assertTrue(ni.toString(), !ni.has("networkIP") || ni.get("networkIP").getAsString().isEmpty());

                JsonObject r = exec(id, "sh", "-c", "echo $((6*7))").getAsJsonObject("jobresult")
                        .getAsJsonObject("virtualmachinecommand");
                assertEquals(r.toString(), 0, r.get("exitcode").getAsInt());
                assertEquals("42\n", r.get("stdout").getAsString());

                SERVER.server().coreBean(VmStatsCollector.class).sampleAll();
                JsonObject vm = listed(id);
                assertTrue(vm.toString(), vm.get("cpuused").getAsString().endsWith("%"));
                assertEquals(128 * 1024, vm.get("memorytargetkbs").getAsLong());
                assertEquals(1, docker.job("destroyVirtualMachine", "id", id, "expunge", "true").get("jobstatus")
                        .getAsInt());
            } finally {
                daemon.removeQuietly(id);
            }
        }
    }
}
