package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.HostDao;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

/**
 * The VM lifecycle through the signed native API on the demo simulator zone; run on the
 * embedded H2 by {@link VmLifecycleIT} and on a live MariaDB by {@link VmLifecycleMariaDbIT}.
 */
public abstract class VmLifecycleScenarios {
    /** The server the scenarios run against. */
    protected abstract TestServer server();

    private String zone;
    private String offering;
    private String template;

    @Before
    public void ids() {
        HostDao hostDao = server().server().coreBean(HostDao.class);
        ZoneDao zoneDao = server().server().coreBean(ZoneDao.class);
        zone = zoneDao.zones(null, null, null).get(0).uuid();
        offering = server().server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
        template = server().server().coreBean(TemplateDao.class)
                .list(1, true, "featured", null, null, null, null, null).get(0).uuid();
    }

    private JsonObject deploy(String name) {
        JsonObject submit = server().admin().call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", name, "userdata", "I2Nsb3VkLWNvbmZpZwo=").inner();
        assertNotNull(submit.toString(), submit.get("jobid"));
        assertNotNull(submit.toString(), submit.get("id"));
        return server().admin().awaitJob(submit.get("jobid").getAsString());
    }

    private static JsonObject vmOf(JsonObject job) {
        return job.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
    }

    private JsonObject op(String command, String id, String... extra) {
        List<String> kv = new ArrayList<>(List.of("id", id));
        kv.addAll(List.of(extra));
        JsonObject submit = server().admin().call(command, kv.toArray(new String[0])).inner();
        return server().admin().awaitJob(submit.get("jobid").getAsString());
    }

    @Test
    public void fullLifecycle() {
        JsonObject job = deploy("life1");
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        JsonObject vm = vmOf(job);
        String id = vm.get("id").getAsString();
        assertEquals("Running", vm.get("state").getAsString());
        assertTrue(vm.get("ipaddress").getAsString().startsWith("198.18."));
        assertEquals("I2Nsb3VkLWNvbmZpZwo=", server().admin().call("getVirtualMachineUserData", "virtualmachineid", id)
                .inner().getAsJsonObject("virtualmachineuserdata").get("userdata").getAsString());

        JsonObject listed = server().admin().call("listVirtualMachines", "id", id).inner();
        assertEquals(1, listed.get("count").getAsInt());

        assertEquals("Stopped", vmOf(op("stopVirtualMachine", id)).get("state").getAsString());
        JsonObject again = op("stopVirtualMachine", id);
        assertEquals("stopping a stopped VM fails in its job", 2, again.get("jobstatus").getAsInt());
        assertEquals(530, again.get("jobresultcode").getAsInt());
        assertEquals("Running", vmOf(op("startVirtualMachine", id)).get("state").getAsString());
        JsonObject startRunning = op("startVirtualMachine", id);
        assertEquals("starting a running VM fails in its job", 2, startRunning.get("jobstatus").getAsInt());
        assertTrue(startRunning.toString(), startRunning.getAsJsonObject("jobresult").get("errortext").getAsString()
                .contains("Running"));
        assertEquals(1, op("rebootVirtualMachine", id).get("jobstatus").getAsInt());
        assertEquals("Destroyed", vmOf(op("destroyVirtualMachine", id)).get("state").getAsString());
        JsonObject recovered = server().admin().call("recoverVirtualMachine", "id", id).inner();
        assertEquals("Stopped", recovered.getAsJsonObject("virtualmachine").get("state").getAsString());
        assertEquals(1, op("destroyVirtualMachine", id, "expunge", "true").get("jobstatus").getAsInt());
        assertEquals(431, server().admin().call("listVirtualMachines", "id", id).status());
    }

    @Test
    public void concurrentFirstDeploysOfANewAccountAllSucceedWithDistinctAddresses() throws Exception {
        String name = "burst" + System.nanoTime();
        JsonObject account = server().admin().call("createAccount", "username", name, "password", "Burst-Passw0rd",
                "firstname", "B", "lastname", "U", "email", name + "@example.org").inner().getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = server().admin().call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        NativeClient user = new NativeClient(server().baseUrl(), keys.get("apikey").getAsString(),
                keys.get("secretkey").getAsString());
        // the account's first deploys race to create its default security group and counters
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        List<java.util.concurrent.Future<JsonObject>> submitted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            submitted.add(pool.submit(() -> user.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid",
                    offering, "templateid", template, "name", "burst-" + n).inner()));
        }
        java.util.Set<String> addresses = new java.util.HashSet<>();
        for (java.util.concurrent.Future<JsonObject> f : submitted) {
            JsonObject submit = f.get();
            assertNotNull("deploy accepted: " + submit, submit.get("jobid"));
            JsonObject job = user.awaitJob(submit.get("jobid").getAsString());
            assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
            addresses.add(vmOf(job).get("ipaddress").getAsString());
        }
        pool.shutdown();
        assertEquals("every VM has its own address", 12, addresses.size());
        JsonObject groups = user.call("listVirtualMachines").inner();
        assertEquals(12, groups.get("count").getAsInt());
        for (var vm : groups.getAsJsonArray("virtualmachine")) {
            assertEquals("default", vm.getAsJsonObject().getAsJsonArray("securitygroup").get(0).getAsJsonObject()
                    .get("name").getAsString());
        }
    }

    @Test
    public void deletingAnAccountRemovesItsVmsAndFreesTheirCapacity() {
        HostDao hostDao = server().server().coreBean(HostDao.class);
        ZoneDao zoneDao = server().server().coreBean(ZoneDao.class);
        long cpuBefore = hostDao.hosts(null, null, null, null, null, null).stream()
                .mapToLong(io.skyport.core.infra.Host::cpuUsed).sum();
        String name = "leaving" + System.nanoTime();
        JsonObject account = server().admin().call("createAccount", "username", name, "password", "Leave-Passw0rd",
                "firstname", "L", "lastname", "V", "email", name + "@example.org").inner().getAsJsonObject("account");
        String domain = account.get("domainid").getAsString();
        String vmId = vmOf(server().admin().awaitJob(server().admin().call("deployVirtualMachine", "zoneid", zone,
                "serviceofferingid", offering, "templateid", template, "account", name, "domainid", domain).inner()
                .get("jobid").getAsString())).get("id").getAsString();
        JsonObject deleted = server().admin().awaitJob(server().admin().call("deleteAccount", "id",
                account.get("id").getAsString()).inner().get("jobid").getAsString());
        assertEquals(deleted.toString(), 1, deleted.get("jobstatus").getAsInt());
        assertEquals("the account's VM is gone", 431, server().admin().call("listVirtualMachines", "id", vmId)
                .status());
        long cpuAfter = hostDao.hosts(null, null, null, null, null, null).stream()
                .mapToLong(io.skyport.core.infra.Host::cpuUsed).sum();
        assertEquals("its capacity is free again", cpuBefore, cpuAfter);
    }

    @Test
    public void injectedStopFailuresAndADownHostLeaveConsistentState() {
        String id = vmOf(deploy("faulty1")).get("id").getAsString();
        try {
            assertEquals(200, server().admin().call("configureSimulator", "name", "stop", "count", "10").status());
            JsonObject failed = op("stopVirtualMachine", id);
            assertEquals("a failed stop fails its job: " + failed, 2, failed.get("jobstatus").getAsInt());
            assertEquals("and leaves the VM running", "Running", state(id));
            JsonObject forced = op("stopVirtualMachine", id, "forced", "true");
            assertEquals("a forced stop succeeds although the host fails: " + forced, 1,
                    forced.get("jobstatus").getAsInt());
            assertEquals("Stopped", state(id));
        } finally {
            server().admin().call("configureSimulator", "clear", "true");
        }
        // every host but one down: the VM starts on the one left
        HostDao hostDao = server().server().coreBean(HostDao.class);
        ZoneDao zoneDao = server().server().coreBean(ZoneDao.class);
        List<io.skyport.core.infra.Host> hosts = hostDao.hosts(null, null, null, null, null, null);
        String survivor = hosts.get(hosts.size() - 1).uuid();
        try {
            for (int i = 0; i < hosts.size() - 1; i++) {
                server().admin().call("configureSimulator", "hostid", hosts.get(i).uuid(), "down", "true");
            }
            JsonObject started = vmOf(op("startVirtualMachine", id));
            assertEquals("Running", started.get("state").getAsString());
            assertEquals(survivor, started.get("hostid").getAsString());
        } finally {
            for (int i = 0; i < hosts.size() - 1; i++) {
                server().admin().call("configureSimulator", "hostid", hosts.get(i).uuid(), "down", "false");
            }
        }
    }

    private String state(String vmId) {
        return server().admin().call("listVirtualMachines", "id", vmId).inner().getAsJsonArray("virtualmachine")
                .get(0).getAsJsonObject().get("state").getAsString();
    }

    @Test
    public void accountLimitAndHostCapacityAreEnforced() {
        String name = "limited" + System.nanoTime();
        JsonObject account = server().admin().call("createAccount", "username", name, "password", "Limit-Passw0rd",
                "firstname", "L", "lastname", "M", "email", name + "@example.org").inner().getAsJsonObject("account");
        String domain = account.get("domainid").getAsString();
        assertEquals(200, server().admin().call("updateResourceLimit", "account", name, "domainid", domain,
                "resourcetype", "0", "max", "1").status());
        JsonObject first = server().admin().call("deployVirtualMachine", "zoneid", zone, "serviceofferingid",
                offering, "templateid", template, "account", name, "domainid", domain).inner();
        assertEquals(1, server().admin().awaitJob(first.get("jobid").getAsString()).get("jobstatus").getAsInt());
        NativeClient.Reply second = server().admin().call("deployVirtualMachine", "zoneid", zone,
                "serviceofferingid", offering, "templateid", template, "account", name, "domainid", domain);
        assertEquals(second.body(), 535, second.status());
        assertEquals(535, second.inner().get("errorcode").getAsInt());

        // an offering no host can hold: the job fails with InsufficientCapacity and leaves nothing behind
        String huge = server().admin().call("createServiceOffering", "name", "huge" + System.nanoTime(),
                "displaytext", "too big", "cpunumber", "1000", "cpuspeed", "3000", "memory", "8192").inner()
                .getAsJsonObject("serviceoffering").get("id").getAsString();
        long before = countVms();
        JsonObject job = server().admin().awaitJob(server().admin().call("deployVirtualMachine", "zoneid", zone,
                "serviceofferingid", huge, "templateid", template).inner().get("jobid").getAsString());
        assertEquals(job.toString(), 2, job.get("jobstatus").getAsInt());
        assertEquals(job.toString(), 533, job.getAsJsonObject("jobresult").get("errorcode").getAsInt());
        assertEquals("the failed VM was removed", before, countVms());
    }

    private long countVms() {
        JsonObject r = server().admin().call("listVirtualMachines", "listall", "true").inner();
        return r.has("count") ? r.get("count").getAsLong() : 0;
    }

    @Test
    public void concurrentOperationsOnOneVmSerialise() {
        String id = vmOf(deploy("conc1")).get("id").getAsString();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String cmd = i % 2 == 0 ? "stopVirtualMachine" : "startVirtualMachine";
            jobs.add(server().admin().call(cmd, "id", id).inner().get("jobid").getAsString());
        }
        for (String j : jobs) {
            JsonObject r = server().admin().awaitJob(j);
            assertEquals("queued stop/start pairs all succeed in order: " + r, 1, r.get("jobstatus").getAsInt());
        }
        JsonObject vm = server().admin().call("listVirtualMachines", "id", id).inner()
                .getAsJsonArray("virtualmachine").get(0).getAsJsonObject();
        assertEquals("Running", vm.get("state").getAsString());
    }

    @Test
    public void injectedStartFailuresLeaveNothingBehind() {
        HostDao hostDao = server().server().coreBean(HostDao.class);
        ZoneDao zoneDao = server().server().coreBean(ZoneDao.class);
        long cpuBefore = hostDao.hosts(null, null, null, null, null, null).stream().mapToLong(Host::cpuUsed).sum();
        long vmsBefore = server().admin().call("listVirtualMachines").inner().has("count")
                ? server().admin().call("listVirtualMachines").inner().get("count").getAsLong() : 0;
        assertEquals(200, server().admin().call("configureSimulator", "name", "start", "count", "100").status());
        try {
            JsonObject job = deploy("doomed1");
            assertEquals(job.toString(), 2, job.get("jobstatus").getAsInt());
            assertTrue(job.toString(), job.getAsJsonObject("jobresult").get("errortext").getAsString()
                    .contains("simulated start failure"));
        } finally {
            server().admin().call("configureSimulator", "clear", "true");
        }
        long cpuAfter = hostDao.hosts(null, null, null, null, null, null).stream().mapToLong(Host::cpuUsed).sum();
        assertEquals("capacity released", cpuBefore, cpuAfter);
        long vmsAfter = server().admin().call("listVirtualMachines").inner().has("count")
                ? server().admin().call("listVirtualMachines").inner().get("count").getAsLong() : 0;
        assertEquals("no half-made VM", vmsBefore, vmsAfter);
    }
}
