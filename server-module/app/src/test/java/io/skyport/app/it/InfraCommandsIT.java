package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/** Infrastructure and catalog commands through the signed native API, as an administrator and as a user. */
public class InfraCommandsIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static NativeClient user;
    private static String userAccount;

    @BeforeClass
    public static void userWithKeys() {
        userAccount = "infra-user";
        JsonObject account = ok(SERVER.admin().call("createAccount", "account", userAccount, "accounttype", "0",
                "username", userAccount, "password", "Passw0rd!x", "firstname", "I", "lastname", "U", "email",
                "infra-user@example.org")).getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = ok(SERVER.admin().call("registerUserKeys", "id", userId)).getAsJsonObject("userkeys");
        user = new NativeClient(SERVER.baseUrl(), keys.get("apikey").getAsString(), keys.get("secretkey").getAsString());
    }

    /** The inner response of a 200 answer. */
    private static JsonObject ok(NativeClient.Reply r) {
        assertEquals(r.body(), 200, r.status());
        return r.inner();
    }

    private static JsonObject admin(String command, String... kv) {
        return ok(SERVER.admin().call(command, kv));
    }

    /** A refused call: the status, and the error text mentions {@code mention}. */
    private static void refused(int status, String mention, NativeClient.Reply r) {
        assertEquals(r.body(), status, r.status());
        assertEquals(r.body(), status, r.inner().get("errorcode").getAsInt());
        assertTrue(r.body(), r.inner().get("errortext").getAsString().toLowerCase().contains(mention.toLowerCase()));
    }

    private static JsonArray items(JsonObject list, String entity) {
        return list.has(entity) ? list.getAsJsonArray(entity) : new JsonArray();
    }

    private static JsonObject only(JsonObject list, String entity) {
        JsonArray a = items(list, entity);
        assertEquals(list.toString(), 1, a.size());
        return a.get(0).getAsJsonObject();
    }

    private static List<String> values(JsonObject list, String entity, String key) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : items(list, entity)) {
            out.add(e.getAsJsonObject().get(key).getAsString());
        }
        return out;
    }

    @Test
    public void demoZoneIsListed() {
        JsonObject zone = only(admin("listZones", "name", "Sandbox-simulator"), "zone");
        assertTrue(zone.get("securitygroupsenabled").getAsBoolean());
        assertEquals("198.18.0.0/16", zone.get("guestcidraddress").getAsString());
        assertFalse("capacity only when asked", zone.has("capacity"));
        JsonObject withCapacity = only(admin("listZones", "id", zone.get("id").getAsString(), "showcapacities",
                "true"), "zone");
        JsonArray capacity = withCapacity.getAsJsonArray("capacity");
        assertEquals(2, capacity.size());
        assertEquals(4L * 1048576 * 1048576, capacity.get(0).getAsJsonObject().get("capacitytotal").getAsLong());
        String zoneId = zone.get("id").getAsString();

        assertEquals(List.of("POD0"), values(admin("listPods", "zoneid", zoneId), "pod", "name"));
        assertEquals(List.of("C0"), values(admin("listClusters", "zoneid", zoneId), "cluster", "name"));
        JsonObject hosts = admin("listHosts", "zoneid", zoneId, "type", "Routing");
        assertEquals(4, hosts.get("count").getAsInt());
        JsonObject host = items(hosts, "host").get(0).getAsJsonObject();
        assertEquals(128, host.get("cpunumber").getAsInt());
        assertEquals(2400, host.get("cpuspeed").getAsInt());
        assertEquals(1048576L * 1048576, host.get("memorytotal").getAsLong());
        assertEquals("Up", host.get("state").getAsString());

        assertTrue(values(admin("listServiceOfferings"), "serviceoffering", "name").contains("Small Instance"));
        assertTrue(values(admin("listDiskOfferings"), "diskoffering", "name").containsAll(List.of("Small", "Custom")));
        assertTrue(values(admin("listTemplates", "templatefilter", "featured"), "template", "name")
                .contains("Ubuntu 24.04 (Simulator)"));
        JsonObject network = only(admin("listNetworks", "zoneid", zoneId), "network");
        assertEquals("198.18.0.1", network.get("gateway").getAsString());
        assertEquals("Shared", network.get("type").getAsString());
        assertTrue(values(admin("listOsTypes"), "ostype", "description").contains("Ubuntu 24.04 LTS (64-bit)"));
        JsonObject offering = only(admin("listNetworkOfferings"), "networkoffering");
        assertEquals(network.get("networkofferingid").getAsString(), offering.get("id").getAsString());
    }

    @Test
    public void newZoneWithHostShowsCapacityAndGuardsDeletion() {
        JsonObject zone = admin("createZone", "name", "Zone9", "networktype", "Advanced", "dns1", "8.8.8.8",
                "internaldns1", "10.9.255.254", "guestcidraddress", "10.9.0.0/16", "securitygroupenabled", "true")
                .getAsJsonObject("zone");
        String zoneId = zone.get("id").getAsString();
        assertEquals("10.9.0.0/16", zone.get("guestcidraddress").getAsString());
        refused(431, "already exists", SERVER.admin().call("createZone", "name", "Zone9", "networktype", "Advanced",
                "dns1", "8.8.8.8", "internaldns1", "8.8.4.4"));
        String podId = admin("createPod", "zoneid", zoneId, "name", "P9", "gateway", "10.10.0.1", "netmask",
                "255.255.255.0", "startip", "10.10.0.10", "endip", "10.10.0.20").getAsJsonObject("pod")
                .get("id").getAsString();
        JsonObject cluster = only(admin("addCluster", "zoneid", zoneId, "podid", podId, "clustername", "C9",
                "clustertype", "CloudManaged", "hypervisor", "Simulator"), "cluster");
        JsonObject added = only(admin("addHost", "zoneid", zoneId, "podid", podId, "clusterid",
                cluster.get("id").getAsString(), "hypervisor", "Simulator", "url",
                "sim://h9?cpus=8&speed=2000&memory=16384"), "host");
        String hostId = added.get("id").getAsString();
        assertEquals("h9", added.get("name").getAsString());

        JsonObject host = only(admin("listHosts", "id", hostId), "host");
        assertEquals(8, host.get("cpunumber").getAsInt());
        assertEquals(2000, host.get("cpuspeed").getAsInt());
        assertEquals("16000", host.get("cpuwithoverprovisioning").getAsString());
        assertEquals(16384L * 1048576, host.get("memorytotal").getAsLong());
        assertEquals(0, host.get("memoryallocated").getAsLong());
        assertEquals("0%", host.get("cpuallocated").getAsString());

        String vm = deployOn(zoneId, hostId);
        host = only(admin("listHosts", "id", hostId), "host");
        assertEquals(500, host.get("cpuallocatedvalue").getAsLong());
        assertEquals("3.13%", host.get("cpuallocated").getAsString());
        assertEquals(512L * 1048576, host.get("memoryallocated").getAsLong());
        assertEquals("3.13%", host.get("memoryallocatedpercentage").getAsString());
        JsonObject capacity = only(admin("listZones", "id", zoneId, "showcapacities", "true"), "zone");
        assertEquals(512L * 1048576, capacity.getAsJsonArray("capacity").get(0).getAsJsonObject()
                .get("capacityused").getAsLong());

        refused(431, "still has vms", SERVER.admin().call("deleteHost", "id", hostId));
        JsonObject stop = admin("stopVirtualMachine", "id", vm);
        assertEquals(1, SERVER.admin().awaitJob(stop.get("jobid").getAsString()).get("jobstatus").getAsInt());
        assertTrue(admin("deleteHost", "id", hostId).get("success").getAsBoolean());
        refused(431, "hostid", SERVER.admin().call("listVirtualMachines", "hostid", hostId));
        assertEquals(List.of(), values(admin("listHosts", "clusterid", cluster.get("id").getAsString()), "host", "id"));

        // forced: a host with a running VM goes, and the VM is stopped with it rather than left pointing at it
        String forcedHost = only(admin("addHost", "zoneid", zoneId, "podid", podId, "clusterid",
                cluster.get("id").getAsString(), "hypervisor", "Simulator", "url",
                "sim://h10?cpus=8&speed=2000&memory=16384"), "host").get("id").getAsString();
        String stranded = deployOn(zoneId, forcedHost);
        assertTrue(admin("deleteHost", "id", forcedHost, "forced", "true").get("success").getAsBoolean());
        JsonObject after = only(admin("listVirtualMachines", "id", stranded), "virtualmachine");
        assertEquals("Stopped", after.get("state").getAsString());
        assertFalse(after.has("hostid"));
    }

    private static String deployOn(String zoneId, String hostId) {
        String offering = items(admin("listServiceOfferings", "name", "Small Instance"), "serviceoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
        String template = items(admin("listTemplates", "templatefilter", "featured", "zoneid", zoneId), "template")
                .get(0).getAsJsonObject().get("id").getAsString();
        JsonObject submit = admin("deployVirtualMachine", "zoneid", zoneId, "serviceofferingid", offering,
                "templateid", template, "hostid", hostId, "name", "on-h9");
        JsonObject job = SERVER.admin().awaitJob(submit.get("jobid").getAsString());
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        return submit.get("id").getAsString();
    }

    @Test
    public void offeringsAreCreatedAndDeleted() {
        JsonObject so = admin("createServiceOffering", "name", "Tiny", "displaytext", "Tiny offering", "cpunumber", "1",
                "cpuspeed", "250", "memory", "256").getAsJsonObject("serviceoffering");
        String soId = so.get("id").getAsString();
        assertEquals(256, only(admin("listServiceOfferings", "id", soId), "serviceoffering").get("memory").getAsInt());
        assertTrue(admin("deleteServiceOffering", "id", soId).get("success").getAsBoolean());
        refused(431, "id", SERVER.admin().call("listServiceOfferings", "id", soId));

        JsonObject disk = admin("createDiskOffering", "name", "Huge", "disksize", "500").getAsJsonObject("diskoffering");
        String diskId = disk.get("id").getAsString();
        assertEquals(500, only(admin("listDiskOfferings", "id", diskId), "diskoffering").get("disksize").getAsInt());
        assertTrue(admin("deleteDiskOffering", "id", diskId).get("success").getAsBoolean());
        refused(431, "id", SERVER.admin().call("deleteDiskOffering", "id", diskId));
    }

    @Test
    public void templatesAreRegisteredListedAndDeleted() {
        String os = items(admin("listOsTypes", "keyword", "Debian"), "ostype").get(0).getAsJsonObject().get("id")
                .getAsString();
        JsonObject registered = only(admin("registerTemplate", "name", "nginx", "displaytext", "nginx container",
                "url", "http://images.invalid/nginx.tar", "format", "TAR", "hypervisor", "Simulator", "ostypeid", os,
                "zoneids", "-1", "ispublic", "true", "isfeatured", "false", "passwordenabled", "true",
                "details[0].image", "nginx:1.27"), "template");
        String id = registered.get("id").getAsString();
        assertTrue(registered.get("crossZones").getAsBoolean());
        JsonObject listed = only(admin("listTemplates", "templatefilter", "self", "id", id), "template");
        assertEquals("nginx:1.27", listed.getAsJsonObject("details").get("image").getAsString());
        assertEquals(os, listed.get("ostypeid").getAsString());
        assertTrue(listed.get("passwordenabled").getAsBoolean());
        assertFalse(values(admin("listTemplates", "templatefilter", "featured"), "template", "id").contains(id));
        assertTrue(values(admin("listTemplates", "templatefilter", "community"), "template", "id").contains(id));
        refused(431, "templatefilter", SERVER.admin().call("listTemplates"));
        refused(431, "templatefilter", SERVER.admin().call("listTemplates", "templatefilter", "mine"));

        JsonObject submit = admin("deleteTemplate", "id", id);
        assertEquals(1, SERVER.admin().awaitJob(submit.get("jobid").getAsString()).get("jobstatus").getAsInt());
        refused(431, "id", SERVER.admin().call("listTemplates", "templatefilter", "all", "id", id));
    }

    @Test
    public void usersCannotCallAdminCommandsNorSeeAdminEntities() {
        for (String command : new String[] {"listHosts", "listPods", "listClusters", "createZone", "addHost",
                "deleteHost", "createServiceOffering", "deleteDiskOffering", "createVlanIpRange", "listVlanIpRanges"}) {
            // CloudStack answers a command the role may not call exactly like an unknown command
            refused(401, "unable to verify user credentials", user.call(command));
        }
        String host = items(admin("listHosts"), "host").get(0).getAsJsonObject().get("id").getAsString();
        refused(431, "hostid", user.call("listVirtualMachines", "hostid", host));

        JsonObject zone = only(ok(user.call("listZones")), "zone");
        assertFalse("users do not see the zone's addressing", zone.has("dns1") || zone.has("guestcidraddress"));
        assertFalse(items(ok(user.call("listServiceOfferings")), "serviceoffering").isEmpty());
        assertFalse(items(ok(user.call("listDiskOfferings")), "diskoffering").isEmpty());
        assertFalse(items(ok(user.call("listTemplates", "templatefilter", "featured")), "template").isEmpty());
        assertFalse(items(ok(user.call("listNetworks")), "network").isEmpty());
        assertFalse(items(ok(user.call("listOsTypes")), "ostype").isEmpty());

        refused(432, "administrators", user.call("registerTemplate", "name", "pub", "url", "http://images.invalid/p.qcow2",
                "format", "QCOW2", "hypervisor", "Simulator", "zoneids", "-1", "ispublic", "true"));
        JsonObject own = only(ok(user.call("registerTemplate", "name", "mine", "url", "http://images.invalid/m.qcow2",
                "format", "QCOW2", "hypervisor", "Simulator", "zoneids", "-1")), "template");
        assertEquals(userAccount, own.get("account").getAsString());
        JsonObject events = ok(user.call("listEvents"));
        assertEquals(List.of(userAccount), values(events, "event", "account").stream().distinct().toList());
        assertTrue(values(events, "event", "resourceid").contains(own.get("id").getAsString()));
        assertEquals(List.of(own.get("id").getAsString()), values(ok(user.call("listTemplates", "templatefilter",
                "self")), "template", "id"));
        String adminsPrivate = only(admin("registerTemplate", "name", "private", "url", "http://images.invalid/a.qcow2",
                "format", "QCOW2", "hypervisor", "Simulator", "zoneids", "-1"), "template").get("id").getAsString();
        refused(431, "id", user.call("listTemplates", "templatefilter", "all", "id", adminsPrivate));
    }

    @Test
    public void badInputIsAParameterError() {
        refused(431, "name", SERVER.admin().call("createZone", "networktype", "Advanced", "dns1", "8.8.8.8",
                "internaldns1", "8.8.8.8"));
        refused(431, "dns1", SERVER.admin().call("createZone", "name", "Bad", "networktype", "Advanced", "dns1",
                "8.8.8", "internaldns1", "8.8.8.8"));
        refused(431, "guestcidraddress", SERVER.admin().call("createZone", "name", "Bad", "networktype", "Advanced",
                "dns1", "8.8.8.8", "internaldns1", "8.8.8.8", "guestcidraddress", "10.0.0.0/99"));
        refused(431, "networktype", SERVER.admin().call("createZone", "name", "Bad", "networktype", "Basic",
                "dns1", "8.8.8.8", "internaldns1", "8.8.8.8"));
        String zone = items(admin("listZones", "name", "Sandbox-simulator"), "zone").get(0).getAsJsonObject()
                .get("id").getAsString();
        refused(431, "startip", SERVER.admin().call("createPod", "zoneid", zone, "name", "Bad", "startip", "10.1.2"));
        refused(431, "zoneid", SERVER.admin().call("createPod", "zoneid", "00000000-0000-0000-0000-000000000000",
                "name", "Bad"));
        JsonObject c0 = items(admin("listClusters", "name", "C0"), "cluster").get(0).getAsJsonObject();
        String[] host = {"zoneid", zone, "podid", c0.get("podid").getAsString(), "clusterid", c0.get("id").getAsString(),
                "hypervisor", "Simulator", "url", ""};
        host[9] = "sim://bad?cpus=many";
        refused(431, "numbers", SERVER.admin().call("addHost", host));
        host[9] = "not a url";
        refused(431, "url", SERVER.admin().call("addHost", host));
        refused(431, "url", SERVER.admin().call("addHost", "zoneid", zone, "podid", c0.get("podid").getAsString(),
                "hypervisor", "Simulator"));
        refused(431, "cpunumber", SERVER.admin().call("createServiceOffering", "name", "x", "cpunumber", "two",
                "cpuspeed", "100", "memory", "128"));
        refused(431, "memory", SERVER.admin().call("createServiceOffering", "name", "x", "cpunumber", "1",
                "cpuspeed", "100"));
        refused(431, "cpunumber", SERVER.admin().call("createServiceOffering", "name", "x", "cpunumber", "0",
                "cpuspeed", "100", "memory", "128"));
        refused(431, "disk size", SERVER.admin().call("createDiskOffering", "name", "x", "disksize", "-5"));
        refused(431, "url", SERVER.admin().call("registerTemplate", "name", "x", "url", "file:///etc/passwd",
                "format", "QCOW2", "hypervisor", "Simulator", "zoneids", "-1"));
        refused(431, "format", SERVER.admin().call("registerTemplate", "name", "x", "url", "http://a.invalid/x",
                "format", "EXE", "hypervisor", "Simulator", "zoneids", "-1"));
        refused(431, "page", SERVER.admin().call("listZones", "page", "0"));
        refused(431, "pagesize", SERVER.admin().call("listHosts", "pagesize", "many"));
    }

    @Test
    public void publicIpRanges() {
        String zone = items(admin("listZones", "name", "Sandbox-simulator"), "zone").get(0).getAsJsonObject()
                .get("id").getAsString();
        JsonObject vlan = admin("createVlanIpRange", "zoneid", zone, "vlan", "100", "gateway", "203.0.113.1",
                "netmask", "255.255.255.0", "startip", "203.0.113.10", "endip", "203.0.113.19").getAsJsonObject("vlan");
        assertEquals("vlan://100", vlan.get("vlan").getAsString());
        assertTrue(values(admin("listVlanIpRanges", "zoneid", zone), "vlaniprange", "id")
                .contains(vlan.get("id").getAsString()));
        refused(431, "overlaps", SERVER.admin().call("createVlanIpRange", "zoneid", zone, "gateway", "203.0.113.1",
                "netmask", "255.255.255.0", "startip", "203.0.113.15", "endip", "203.0.113.30"));
        refused(431, "gateway", SERVER.admin().call("createVlanIpRange", "zoneid", zone, "gateway", "203.0.113",
                "netmask", "255.255.255.0", "startip", "203.0.113.40"));
        refused(431, "netmask", SERVER.admin().call("createVlanIpRange", "zoneid", zone, "gateway", "203.0.113.1",
                "netmask", "255.0.255.0", "startip", "203.0.113.40"));
        refused(431, "subnet", SERVER.admin().call("createVlanIpRange", "zoneid", zone, "gateway", "203.0.113.1",
                "netmask", "255.255.255.0", "startip", "203.0.114.40"));
        refused(431, "startip", SERVER.admin().call("createVlanIpRange", "zoneid", zone, "gateway", "203.0.113.1",
                "netmask", "255.255.255.0"));
    }

    @Test
    public void eventsArePagedAndFiltered() {
        for (int i = 0; i < 3; i++) {
            admin("createDiskOffering", "name", "ev-" + i, "disksize", "1");
        }
        int total = admin("listEvents").get("count").getAsInt();
        JsonObject page = admin("listEvents", "page", "1", "pagesize", "3");
        assertEquals(3, items(page, "event").size());
        assertEquals("count is the total, not the page size", total, page.get("count").getAsInt());
        assertTrue(total > 3);
        JsonObject second = admin("listEvents", "page", "2", "pagesize", "3");
        assertFalse(values(page, "event", "id").removeAll(values(second, "event", "id")));

        JsonObject created = admin("listEvents", "type", "DISK.OFFERING.CREATE");
        assertEquals(List.of("DISK.OFFERING.CREATE"), values(created, "event", "type").stream().distinct().toList());
        assertEquals(List.of(), values(admin("listEvents", "level", "ERROR"), "event", "id"));
        assertEquals(List.of(), values(admin("listEvents", "startdate", "2999-01-01"), "event", "id"));
        assertFalse(values(admin("listEvents", "startdate", "2000-01-01", "enddate", "2999-01-01"), "event", "id")
                .isEmpty());
        refused(431, "level", SERVER.admin().call("listEvents", "level", "LOUD"));
        refused(431, "startdate", SERVER.admin().call("listEvents", "startdate", "yesterday"));
    }

    @Test
    public void oneRegionAtThisServer() {
        JsonObject region = only(ok(user.call("listRegions")), "region");
        assertEquals(1, region.get("id").getAsInt());
        assertEquals("Local", region.get("name").getAsString());
        assertEquals(SERVER.apiUrl(), region.get("endpoint").getAsString());
        admin("updateConfiguration", "name", "region.name", "value", "Home");
        assertEquals("Home", only(admin("listRegions"), "region").get("name").getAsString());
        admin("updateConfiguration", "name", "region.name", "value", "Local");
    }
}
