package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Firewalls, disks and addresses of the GCE-compatible API over HTTP, each checked against what
 * the native API shows of the same security group, volume or public IP.
 */
public class GceResourcesIT {
    private static final long GIB = 1L << 30;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static NativeClient tenant;
    private static GceClient gce;
    private static String zone;
    private static String region;

    @BeforeClass
    public static void setUp() {
        tenant = SERVER.tenant("gceres" + System.nanoTime());
        gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(tenant));
        JsonObject z = gce.ok("GET", "zones", null).getAsJsonArray("items").get(0).getAsJsonObject();
        zone = z.get("name").getAsString();
        String regionUrl = z.get("region").getAsString();
        region = regionUrl.substring(regionUrl.lastIndexOf('/') + 1);
    }

    private static String unique(String prefix) {
        return prefix + "-" + (System.nanoTime() % 1_000_000);
    }

    /** Waits for the operation and checks it succeeded. */
    private static JsonObject done(JsonObject operation) {
        JsonObject op = gce.await(operation);
        assertFalse(op.toString(), op.has("error"));
        return op;
    }

    private static String reason(GceClient.Reply r) {
        return r.json().getAsJsonObject("error").getAsJsonArray("errors").get(0).getAsJsonObject().get("reason")
                .getAsString();
    }

    private static List<String> strings(JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        if (o.has(field)) {
            o.getAsJsonArray(field).forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    private static List<String> names(JsonObject list) {
        List<String> out = new ArrayList<>();
        if (list.has("items")) {
            list.getAsJsonArray("items").forEach(e -> out.add(e.getAsJsonObject().get("name").getAsString()));
        }
        return out;
    }

    private static JsonObject nativeGroup(String name) {
        JsonObject r = tenant.call("listSecurityGroups", "securitygroupname", name).inner();
        assertEquals(r.toString(), 1, r.get("count").getAsInt());
        return r.getAsJsonArray("securitygroup").get(0).getAsJsonObject();
    }

    /** How many groups of that name the native API lists (an empty answer carries no count). */
    private static int nativeGroupCount(String name) {
        JsonObject r = tenant.call("listSecurityGroups", "securitygroupname", name).inner();
        return r.has("count") ? r.get("count").getAsInt() : 0;
    }

    /** Native ingress rules as "protocol start-end cidr", sorted. */
    private static TreeSet<String> nativeIngress(String name) {
        TreeSet<String> out = new TreeSet<>();
        JsonObject g = nativeGroup(name);
        if (g.has("ingressrule")) {
            for (JsonElement e : g.getAsJsonArray("ingressrule")) {
                JsonObject r = e.getAsJsonObject();
                out.add(r.get("protocol").getAsString() + " " + (r.has("startport") ? r.get("startport").getAsInt()
                        + "-" + r.get("endport").getAsInt() : "-") + " " + r.get("cidr").getAsString());
            }
        }
        return out;
    }

    @Test
    public void firewallLifecycleIsTheNativeSecurityGroup() {
        String name = unique("fw");
        JsonObject op = gce.ok("POST", "global/firewalls", "{\"name\":\"" + name + "\",\"description\":\"web in\","
                + "\"allowed\":[{\"IPProtocol\":\"tcp\",\"ports\":[\"22\",\"8000-9000\"]},{\"IPProtocol\":\"icmp\"}],"
                + "\"sourceRanges\":[\"10.0.0.0/8\"],\"targetTags\":[\"web\",\"ssh\"]}");
        assertEquals("insert", op.get("operationType").getAsString());
        assertTrue(op.get("targetLink").getAsString().endsWith("/global/firewalls/" + name));
        done(op);

        JsonObject fw = gce.ok("GET", "global/firewalls/" + name, null);
        assertEquals("compute#firewall", fw.get("kind").getAsString());
        assertEquals(op.get("targetId").getAsString(), fw.get("id").getAsString());
        assertEquals("INGRESS", fw.get("direction").getAsString());
        assertEquals("web in", fw.get("description").getAsString());
        assertEquals(1000, fw.get("priority").getAsInt());
        assertEquals(List.of("10.0.0.0/8"), strings(fw, "sourceRanges"));
        assertEquals(List.of("web", "ssh"), strings(fw, "targetTags"));
        assertTrue(fw.get("network").getAsString().endsWith("/global/networks/default"));
        JsonArray allowed = fw.getAsJsonArray("allowed");
        assertEquals(allowed.toString(), 2, allowed.size());
        JsonObject tcp = allowed.get(0).getAsJsonObject().get("IPProtocol").getAsString().equals("tcp")
                ? allowed.get(0).getAsJsonObject() : allowed.get(1).getAsJsonObject();
        assertEquals(List.of("22", "8000-9000"), strings(tcp, "ports"));
        assertEquals(new TreeSet<>(List.of("icmp - 10.0.0.0/8", "tcp 22-22 10.0.0.0/8", "tcp 8000-9000 10.0.0.0/8")),
                nativeIngress(name));
        assertEquals("web in", nativeGroup(name).get("description").getAsString());

        // patch replaces the ranges and priority given and keeps the rest
        done(gce.ok("PATCH", "global/firewalls/" + name, "{\"sourceRanges\":[\"192.168.0.0/16\"],\"priority\":900}"));
        JsonObject patched = gce.ok("GET", "global/firewalls/" + name, null);
        assertEquals(900, patched.get("priority").getAsInt());
        assertEquals(List.of("192.168.0.0/16"), strings(patched, "sourceRanges"));
        assertEquals(List.of("web", "ssh"), strings(patched, "targetTags"));
        assertEquals(new TreeSet<>(List.of("icmp - 192.168.0.0/16", "tcp 22-22 192.168.0.0/16",
                "tcp 8000-9000 192.168.0.0/16")), nativeIngress(name));

        // update replaces everything: no ports means every port, no ranges means anywhere
        done(gce.ok("PUT", "global/firewalls/" + name, "{\"name\":\"" + name + "\",\"allowed\":[{\"IPProtocol\":"
                + "\"udp\"}]}"));
        JsonObject updated = gce.ok("GET", "global/firewalls/" + name, null);
        assertEquals(1000, updated.get("priority").getAsInt());
        assertFalse(updated.has("targetTags"));
        assertEquals(new TreeSet<>(List.of("udp 1-65535 0.0.0.0/0")), nativeIngress(name));

        JsonObject filtered = gce.ok("GET", "global/firewalls?filter=" + enc("name = " + name), null);
        assertEquals(List.of(name), names(filtered));
        assertFalse("the default group is no firewall", names(gce.ok("GET", "global/firewalls", null))
                .contains("default"));

        JsonObject deleted = done(gce.ok("DELETE", "global/firewalls/" + name, null));
        assertEquals("delete", deleted.get("operationType").getAsString());
        assertEquals(404, gce.call("GET", "global/firewalls/" + name, null).status());
        assertEquals(0, nativeGroupCount(name));
    }

    @Test
    public void egressFirewallsTakeDestinationRanges() {
        String name = unique("out");
        done(gce.ok("POST", "global/firewalls", "{\"name\":\"" + name + "\",\"direction\":\"EGRESS\",\"allowed\":"
                + "[{\"IPProtocol\":\"tcp\",\"ports\":[\"443\"]}],\"destinationRanges\":[\"0.0.0.0/0\"]}"));
        JsonObject fw = gce.ok("GET", "global/firewalls/" + name, null);
        assertEquals("EGRESS", fw.get("direction").getAsString());
        assertEquals(List.of("0.0.0.0/0"), strings(fw, "destinationRanges"));
        JsonArray egress = nativeGroup(name).getAsJsonArray("egressrule");
        assertEquals(1, egress.size());
        assertEquals(443, egress.get(0).getAsJsonObject().get("startport").getAsInt());
        GceClient.Reply turn = gce.call("PATCH", "global/firewalls/" + name, "{\"direction\":\"INGRESS\"}");
        assertEquals(turn.body(), 400, turn.status());
        done(gce.ok("DELETE", "global/firewalls/" + name, null));
    }

    @Test
    public void badFirewallsAreRefusedBeforeAnythingIsMade() {
        String name = unique("bad");
        String allowTcp = ",\"allowed\":[{\"IPProtocol\":\"tcp\"}]";
        GceClient.Reply denied = gce.call("POST", "global/firewalls", "{\"name\":\"" + name + "\",\"denied\":"
                + "[{\"IPProtocol\":\"tcp\"}]}");
        assertEquals(denied.body(), 400, denied.status());
        assertTrue(denied.body(), denied.body().contains("allow rules only"));
        assertEquals(400, gce.call("POST", "global/firewalls", "{\"name\":\"" + name + "\"" + allowTcp
                + ",\"bogusField\":1}").status());
        assertEquals(400, gce.call("POST", "global/firewalls", "{\"name\":\"Bad_Name\"" + allowTcp + "}").status());
        assertEquals(400, gce.call("POST", "global/firewalls", "{\"name\":\"" + name + "\",\"allowed\":"
                + "[{\"IPProtocol\":\"tcp\",\"ports\":[\"70000\"]}]}").status());
        assertEquals(400, gce.call("POST", "global/firewalls", "{\"name\":\"" + name + "\"" + allowTcp
                + ",\"sourceRanges\":[\"not-a-cidr\"]}").status());
        assertEquals(400, gce.call("POST", "global/firewalls", "{\"name\":\"" + name + "\"" + allowTcp
                + ",\"network\":\"global/networks/other\"}").status());
        assertEquals(0, nativeGroupCount(name));

        done(gce.ok("POST", "global/firewalls", "{\"name\":\"" + name + "\"" + allowTcp + "}"));
        GceClient.Reply twice = gce.call("POST", "global/firewalls", "{\"name\":\"" + name + "\"" + allowTcp + "}");
        assertEquals(twice.body(), 409, twice.status());
        assertEquals("alreadyExists", reason(twice));
        done(gce.ok("DELETE", "global/firewalls/" + name, null));
        assertEquals(404, gce.call("DELETE", "global/firewalls/" + name, null).status());
    }

    @Test
    public void aGroupInstancesUseIsNotDeleted() {
        // a group made natively has explicit members: a VM deployed into it uses it
        String name = unique("used");
        NativeClient.Reply group = tenant.call("createSecurityGroup", "name", name);
        assertEquals(group.body(), 200, group.status());
        String zoneId = tenant.call("listZones").inner().getAsJsonArray("zone").get(0).getAsJsonObject().get("id")
                .getAsString();
        String offering = tenant.call("listServiceOfferings").inner().getAsJsonArray("serviceoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
        String template = tenant.call("listTemplates", "templatefilter", "executable").inner()
                .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
        NativeClient.Reply dep = tenant.call("deployVirtualMachine", "zoneid", zoneId, "serviceofferingid", offering,
                "templateid", template, "name", unique("member"), "securitygroupnames", name);
        assertEquals(dep.body(), 200, dep.status());
        assertEquals(1, tenant.awaitJob(dep.inner().get("jobid").getAsString()).get("jobstatus").getAsInt());
        GceClient.Reply inUse = gce.call("DELETE", "global/firewalls/" + name, null);
        assertEquals(inUse.body(), 400, inUse.status());
        assertEquals("resourceInUseByAnotherResource", reason(inUse));
        assertEquals(1, nativeGroupCount(name));
    }

    @Test
    public void diskLifecycleIsTheNativeVolume() {
        String name = unique("data");
        JsonObject op = gce.ok("POST", "zones/" + zone + "/disks", "{\"name\":\"" + name + "\",\"sizeGb\":\"7\","
                + "\"type\":\"zones/" + zone + "/diskTypes/pd-standard\"}");
        assertTrue(op.get("zone").getAsString().endsWith("/zones/" + zone));
        done(op);
        JsonObject disk = gce.ok("GET", "zones/" + zone + "/disks/" + name, null);
        assertEquals("compute#disk", disk.get("kind").getAsString());
        assertEquals(op.get("targetId").getAsString(), disk.get("id").getAsString());
        assertEquals("7", disk.get("sizeGb").getAsString());
        assertEquals("READY", disk.get("status").getAsString());
        assertTrue(disk.get("type").getAsString().endsWith("/zones/" + zone + "/diskTypes/pd-standard"));
        assertFalse(disk.has("users"));
        JsonArray volumes = tenant.call("listVolumes", "name", name).inner().getAsJsonArray("volume");
        assertEquals(1, volumes.size());
        assertEquals(7 * GIB, volumes.get(0).getAsJsonObject().get("size").getAsLong());

        assertTrue(names(gce.ok("GET", "zones/" + zone + "/disks", null)).contains(name));
        JsonObject agg = gce.ok("GET", "aggregated/disks", null).getAsJsonObject("items");
        JsonObject scoped = agg.getAsJsonObject("zones/" + zone);
        List<String> inZone = new ArrayList<>();
        scoped.getAsJsonArray("disks").forEach(e -> inZone.add(e.getAsJsonObject().get("name").getAsString()));
        assertTrue(inZone.contains(name));
        for (String scope : agg.keySet()) {
            JsonObject s = agg.getAsJsonObject(scope);
            assertTrue(scope + " " + s, s.has("disks") || "NO_RESULTS_ON_PAGE".equals(s.getAsJsonObject("warning")
                    .get("code").getAsString()));
        }

        GceClient.Reply twice = gce.call("POST", "zones/" + zone + "/disks", "{\"name\":\"" + name + "\"}");
        assertEquals(twice.body(), 409, twice.status());
        GceClient.Reply fromImage = gce.call("POST", "zones/" + zone + "/disks", "{\"name\":\"" + unique("img")
                + "\",\"sourceImage\":\"global/images/whatever\"}");
        assertEquals(fromImage.body(), 400, fromImage.status());

        done(gce.ok("DELETE", "zones/" + zone + "/disks/" + name, null));
        assertEquals(404, gce.call("GET", "zones/" + zone + "/disks/" + name, null).status());
        JsonObject gone = tenant.call("listVolumes", "name", name).inner();
        assertFalse(gone.toString(), gone.has("volume") && gone.getAsJsonArray("volume").size() > 0);
    }

    @Test
    public void disksAttachToInstancesAndBootDisksAreDisks() {
        String vmName = unique("vm");
        String image = gce.ok("GET", "global/images", null).getAsJsonArray("items").get(0).getAsJsonObject()
                .get("selfLink").getAsString();
        String machineType = gce.ok("GET", "zones/" + zone + "/machineTypes", null).getAsJsonArray("items").get(0)
                .getAsJsonObject().get("selfLink").getAsString();
        done(gce.ok("POST", "zones/" + zone + "/instances", "{\"name\":\"" + vmName + "\",\"machineType\":\""
                + machineType + "\",\"disks\":[{\"boot\":true,\"initializeParams\":{\"sourceImage\":\"" + image
                + "\"}}],\"networkInterfaces\":[{\"network\":\"global/networks/default\"}]}"));
        JsonObject vm = gce.ok("GET", "zones/" + zone + "/instances/" + vmName, null);
        String vmLink = vm.get("selfLink").getAsString();
        String bootSource = vm.getAsJsonArray("disks").get(0).getAsJsonObject().get("source").getAsString();
        JsonObject boot = gce.ok("GET", bootSource.substring(bootSource.indexOf("/compute/v1/")), null);
        assertEquals(List.of(vmLink), strings(boot, "users"));

        String name = unique("att");
        done(gce.ok("POST", "zones/" + zone + "/disks", "{\"name\":\"" + name + "\",\"sizeGb\":\"5\"}"));
        GceClient.Reply badDevice = gce.call("POST", "zones/" + zone + "/instances/" + vmName + "/attachDisk",
                "{\"source\":\"zones/" + zone + "/disks/" + name + "\",\"deviceName\":\"other\"}");
        assertEquals(badDevice.body(), 400, badDevice.status());
        JsonObject attach = done(gce.ok("POST", "zones/" + zone + "/instances/" + vmName + "/attachDisk",
                "{\"source\":\"" + SERVER.baseUrl() + "/compute/v1/projects/" + gce.project() + "/zones/" + zone
                        + "/disks/" + name + "\"}"));
        assertEquals("attachDisk", attach.get("operationType").getAsString());
        JsonObject attached = gce.ok("GET", "zones/" + zone + "/disks/" + name, null);
        assertEquals(List.of(vmLink), strings(attached, "users"));
        assertTrue(attached.toString(), attached.get("lastAttachTimestamp").getAsString().matches("\\d{4}-.*"));
        JsonObject nativeVolume = tenant.call("listVolumes", "name", name).inner().getAsJsonArray("volume").get(0)
                .getAsJsonObject();
        assertEquals(vm.get("name").getAsString(), nativeVolume.get("vmname").getAsString());

        GceClient.Reply inUse = gce.call("DELETE", "zones/" + zone + "/disks/" + name, null);
        assertEquals(inUse.body(), 400, inUse.status());
        assertEquals("resourceInUseByAnotherResource", reason(inUse));
        GceClient.Reply again = gce.call("POST", "zones/" + zone + "/instances/" + vmName + "/attachDisk",
                "{\"source\":\"zones/" + zone + "/disks/" + name + "\"}");
        assertEquals(again.body(), 400, again.status());

        GceClient.Reply noDevice = gce.call("POST", "zones/" + zone + "/instances/" + vmName
                + "/detachDisk?deviceName=nope", null);
        assertEquals(noDevice.body(), 400, noDevice.status());
        done(gce.ok("POST", "zones/" + zone + "/instances/" + vmName + "/detachDisk?deviceName=" + name, null));
        JsonObject detached = gce.ok("GET", "zones/" + zone + "/disks/" + name, null);
        assertFalse(detached.has("users"));
        assertTrue(detached.toString(), detached.has("lastDetachTimestamp"));
        done(gce.ok("DELETE", "zones/" + zone + "/disks/" + name, null));
        done(gce.ok("DELETE", "zones/" + zone + "/instances/" + vmName, null));
    }

    @Test
    public void addressLifecycleIsTheNativePublicIp() {
        String name = unique("ip");
        JsonObject op = gce.ok("POST", "regions/" + region + "/addresses", "{\"name\":\"" + name + "\"}");
        assertTrue(op.get("region").getAsString().endsWith("/regions/" + region));
        done(op);
        JsonObject address = gce.ok("GET", "regions/" + region + "/addresses/" + name, null);
        assertEquals("compute#address", address.get("kind").getAsString());
        assertEquals(op.get("targetId").getAsString(), address.get("id").getAsString());
        assertEquals("RESERVED", address.get("status").getAsString());
        assertEquals("EXTERNAL", address.get("addressType").getAsString());
        String ip = address.get("address").getAsString();
        assertTrue(ip, ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        assertTrue(nativeAddresses().contains(ip));
        assertTrue(names(gce.ok("GET", "regions/" + region + "/addresses", null)).contains(name));

        GceClient.Reply twice = gce.call("POST", "regions/" + region + "/addresses", "{\"name\":\"" + name + "\"}");
        assertEquals(twice.body(), 409, twice.status());
        assertEquals(400, gce.call("POST", "regions/" + region + "/addresses", "{\"name\":\"" + unique("in")
                + "\",\"addressType\":\"INTERNAL\"}").status());
        assertEquals(404, gce.call("GET", "regions/no-such-region/addresses", null).status());

        done(gce.ok("DELETE", "regions/" + region + "/addresses/" + name, null));
        assertEquals(404, gce.call("GET", "regions/" + region + "/addresses/" + name, null).status());
        assertFalse(nativeAddresses().contains(ip));
    }

    private static List<String> nativeAddresses() {
        JsonObject r = tenant.call("listPublicIpAddresses").inner();
        List<String> out = new ArrayList<>();
        if (r.has("publicipaddress")) {
            r.getAsJsonArray("publicipaddress").forEach(e -> out.add(e.getAsJsonObject().get("ipaddress")
                    .getAsString()));
        }
        return out;
    }

    @Test
    public void anotherTenantSeesNothingOfThese() {
        String fw = unique("mine");
        String disk = unique("mine");
        String address = unique("mine");
        done(gce.ok("POST", "global/firewalls", "{\"name\":\"" + fw + "\",\"allowed\":[{\"IPProtocol\":\"tcp\"}]}"));
        done(gce.ok("POST", "zones/" + zone + "/disks", "{\"name\":\"" + disk + "\",\"sizeGb\":\"3\"}"));
        done(gce.ok("POST", "regions/" + region + "/addresses", "{\"name\":\"" + address + "\"}"));

        NativeClient other = SERVER.tenant("gceresother" + System.nanoTime());
        GceClient otherGce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(other));
        String theirs = "/compute/v1/projects/" + gce.project() + "/";
        assertEquals(403, otherGce.call("GET", theirs + "global/firewalls/" + fw, null).status());
        assertEquals(403, otherGce.call("DELETE", theirs + "global/firewalls/" + fw, null).status());
        assertEquals(403, otherGce.call("GET", theirs + "zones/" + zone + "/disks", null).status());
        assertEquals(403, otherGce.call("GET", theirs + "regions/" + region + "/addresses/" + address, null)
                .status());

        // in its own project the names are unknown, answered exactly as names nobody used
        String[] paths = {"global/firewalls/" + fw, "zones/" + zone + "/disks/" + disk,
            "regions/" + region + "/addresses/" + address};
        for (String path : paths) {
            GceClient.Reply mine = otherGce.call("GET", path, null);
            assertEquals(mine.body(), 404, mine.status());
            String unknown = path.substring(0, path.lastIndexOf('/') + 1) + "never-used";
            String expected = otherGce.call("GET", unknown, null).body().replace("never-used",
                    path.substring(path.lastIndexOf('/') + 1));
            assertEquals(expected, mine.body());
            assertEquals(404, otherGce.call("DELETE", path, null).status());
        }
        assertFalse(names(otherGce.ok("GET", "global/firewalls", null)).contains(fw));
        assertFalse(names(otherGce.ok("GET", "zones/" + zone + "/disks", null)).contains(disk));
        assertFalse(names(otherGce.ok("GET", "regions/" + region + "/addresses", null)).contains(address));

        // and the owner still has them all
        assertEquals(200, gce.call("GET", "global/firewalls/" + fw, null).status());
        done(gce.ok("DELETE", "global/firewalls/" + fw, null));
        done(gce.ok("DELETE", "zones/" + zone + "/disks/" + disk, null));
        done(gce.ok("DELETE", "regions/" + region + "/addresses/" + address, null));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
