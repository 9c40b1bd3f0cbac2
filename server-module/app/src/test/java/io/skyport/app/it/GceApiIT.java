package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The GCE-compatible API over HTTP with a client that does what Google's libraries do: key file
 * from the native command, JWT-bearer grant, Bearer calls, operations waited on with {@code wait}.
 */
public class GceApiIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static NativeClient tenant;
    private static GceClient gce;
    private static String zone;
    private static String image;
    private static String machineType;

    @BeforeClass
    public static void setUp() {
        tenant = SERVER.tenant("gceapi" + System.nanoTime());
        gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(tenant));
        zone = gce.ok("GET", "zones", null).getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
        image = gce.ok("GET", "global/images", null).getAsJsonArray("items").get(0).getAsJsonObject().get("selfLink")
                .getAsString();
        machineType = "zones/" + zone + "/machineTypes/" + gce.ok("GET", "zones/" + zone + "/machineTypes", null)
                .getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
    }

    private static String instanceBody(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"machineType\":\"" + machineType + "\",\"disks\":[{\"boot\":true,"
                + "\"initializeParams\":{\"sourceImage\":\"" + image + "\"}}],\"networkInterfaces\":[{\"network\":"
                + "\"global/networks/default\"}]" + extra + "}";
    }

    private static JsonObject create(String name, String extra) {
        JsonObject op = gce.ok("POST", "zones/" + zone + "/instances", instanceBody(name, extra));
        assertEquals("insert", op.get("operationType").getAsString());
        assertTrue(op.get("targetLink").getAsString().endsWith("/zones/" + zone + "/instances/" + name));
        JsonObject done = gce.await(op);
        assertFalse(done.toString(), done.has("error"));
        return gce.ok("GET", "zones/" + zone + "/instances/" + name, null);
    }

    @Test
    public void keyFileIsAGoogleServiceAccountKey() {
        JsonObject key = gce.keyFile();
        assertEquals("service_account", key.get("type").getAsString());
        assertTrue(key.get("private_key").getAsString().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(SERVER.baseUrl() + "/oauth2/token", key.get("token_uri").getAsString());
        assertTrue(key.get("project_id").getAsString().matches("[a-z][-a-z0-9]{4,28}[a-z0-9]"));
    }

    @Test
    public void tokensAreRefusedWithGceAndOAuthErrors() {
        GceClient.Reply none = gce.callWith(null, "GET", "zones", null);
        assertEquals(401, none.status());
        JsonObject err = none.json().getAsJsonObject("error");
        assertEquals(401, err.get("code").getAsInt());
        assertEquals("global", err.getAsJsonArray("errors").get(0).getAsJsonObject().get("domain").getAsString());
        assertEquals(401, gce.callWith("not-a-token", "GET", "zones", null).status());
        // an assertion for another audience, or an expired one, is no grant
        assertEquals("invalid_grant", gce.grant(gce.jwt("https://elsewhere.example/token", Instant.now())).json()
                .get("error").getAsString());
        assertEquals(400, gce.grant(gce.jwt(gce.keyFile().get("token_uri").getAsString(), Instant.now()
                .minusSeconds(7200))).status());
        // Google's own token URL in aud is accepted (some clients pin it)
        assertEquals(200, gce.grant(gce.jwt("https://oauth2.googleapis.com/token", Instant.now())).status());
        // a self-signed JWT for the API is a Bearer token itself
        String selfSigned = gce.jwt("https://compute.googleapis.com/", Instant.now());
        assertEquals(200, gce.callWith(selfSigned, "GET", "zones", null).status());
    }

    @Test
    public void discoveryDocumentNamesThisServer() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/discovery/v1/apis/compute/v1/rest")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonObject doc = com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(SERVER.baseUrl() + "/", doc.get("rootUrl").getAsString());
        assertEquals("compute/v1/", doc.get("servicePath").getAsString());
        assertEquals("batch/compute/v1", doc.get("batchPath").getAsString());
        JsonObject insert = doc.getAsJsonObject("resources").getAsJsonObject("instances").getAsJsonObject("methods")
                .getAsJsonObject("insert");
        assertEquals("projects/{project}/zones/{zone}/instances", insert.get("path").getAsString());
        assertFalse(doc.getAsJsonObject("resources").getAsJsonObject("instances").getAsJsonObject("methods")
                .has("setName"));
    }

    @Test
    public void instanceLifecycleIsSeenByTheNativeApi() {
        String name = "web-" + (System.nanoTime() % 100000);
        JsonObject vm = create(name, ",\"labels\":{\"env\":\"test\"},\"tags\":{\"items\":[\"http\"]},"
                + "\"metadata\":{\"items\":[{\"key\":\"startup-script\",\"value\":\"#!/bin/sh\\necho hi\"}]}");
        assertEquals("RUNNING", vm.get("status").getAsString());
        assertEquals("test", vm.getAsJsonObject("labels").get("env").getAsString());
        assertTrue(vm.get("machineType").getAsString().startsWith(SERVER.baseUrl() + "/compute/v1/projects/"));
        assertTrue(vm.get("id").isJsonPrimitive() && vm.get("id").getAsJsonPrimitive().isString());
        assertTrue(vm.get("creationTimestamp").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d"));
        assertEquals("http", vm.getAsJsonObject("tags").getAsJsonArray("items").get(0).getAsString());
        JsonObject nativeVm = nativeVm(name);
        assertEquals("Running", nativeVm.get("state").getAsString());

        // a stale fingerprint is refused, the current one accepted
        String body = "{\"fingerprint\":\"AAAAAAAAAAA=\",\"items\":[{\"key\":\"role\",\"value\":\"web\"}]}";
        GceClient.Reply stale = gce.call("POST", "zones/" + zone + "/instances/" + name + "/setMetadata", body);
        assertEquals(stale.body(), 412, stale.status());
        String fp = vm.getAsJsonObject("metadata").get("fingerprint").getAsString();
        gce.await(gce.ok("POST", "zones/" + zone + "/instances/" + name + "/setMetadata", body.replace("AAAAAAAAAAA=",
                fp)));
        JsonObject after = gce.ok("GET", "zones/" + zone + "/instances/" + name, null);
        assertNotEquals(fp, after.getAsJsonObject("metadata").get("fingerprint").getAsString());
        assertEquals("role", after.getAsJsonObject("metadata").getAsJsonArray("items").get(0).getAsJsonObject()
                .get("key").getAsString());

        gce.await(gce.ok("POST", "zones/" + zone + "/instances/" + name + "/stop", null));
        assertEquals("TERMINATED", gce.ok("GET", "zones/" + zone + "/instances/" + name, null).get("status")
                .getAsString());
        assertEquals("Stopped", nativeVm(name).get("state").getAsString());
        JsonObject serial = gce.ok("GET", "zones/" + zone + "/instances/" + name + "/serialPort", null);
        assertEquals("compute#serialPortOutput", serial.get("kind").getAsString());

        JsonObject op = gce.await(gce.ok("DELETE", "zones/" + zone + "/instances/" + name, null));
        assertEquals("delete", op.get("operationType").getAsString());
        assertEquals(404, gce.call("GET", "zones/" + zone + "/instances/" + name, null).status());
        List<String> types = new ArrayList<>();
        for (JsonElement e : gce.ok("GET", "zones/" + zone + "/operations", null).getAsJsonArray("items")) {
            types.add(e.getAsJsonObject().get("operationType").getAsString());
        }
        assertTrue(types.toString(), types.containsAll(List.of("insert", "setMetadata", "stop", "delete")));
    }

    @Test
    public void aRetriedRequestIdGetsTheFirstOperation() {
        String name = "idem-" + (System.nanoTime() % 100000);
        String path = "zones/" + zone + "/instances?requestId=" + java.util.UUID.randomUUID();
        JsonObject first = gce.ok("POST", path, instanceBody(name, ""));
        JsonObject again = gce.ok("POST", path, instanceBody(name, ""));
        assertEquals(first.get("name").getAsString(), again.get("name").getAsString());
        gce.await(first);
        assertEquals(1, tenant.call("listVirtualMachines", "name", name).inner().getAsJsonArray("virtualmachine")
                .size());
    }

    @Test
    public void listFiltersPagesAndAggregates() {
        String prefix = "pg" + (System.nanoTime() % 100000);
        create(prefix + "-a", ",\"labels\":{\"tier\":\"one\"}");
        create(prefix + "-b", ",\"labels\":{\"tier\":\"two\"}");
        JsonArray byLabel = gce.ok("GET", "zones/" + zone + "/instances?filter=" + enc("labels.tier = two"), null)
                .getAsJsonArray("items");
        assertEquals(1, byLabel.size());
        assertEquals(prefix + "-b", byLabel.get(0).getAsJsonObject().get("name").getAsString());
        JsonArray byRegex = gce.ok("GET", "zones/" + zone + "/instances?filter=" + enc("name eq " + prefix + "-.*"),
                null).getAsJsonArray("items");
        assertEquals(2, byRegex.size());
        JsonObject first = gce.ok("GET", "zones/" + zone + "/instances?maxResults=1&filter=" + enc("name eq " + prefix
                + "-.*"), null);
        assertEquals(1, first.getAsJsonArray("items").size());
        String token = first.get("nextPageToken").getAsString();
        JsonObject second = gce.ok("GET", "zones/" + zone + "/instances?maxResults=1&pageToken=" + token + "&filter="
                + enc("name eq " + prefix + "-.*"), null);
        assertNotEquals(first.getAsJsonArray("items").get(0), second.getAsJsonArray("items").get(0));
        assertFalse(second.has("nextPageToken"));
        assertEquals(400, gce.call("GET", "zones/" + zone + "/instances?maxResults=501", null).status());
        JsonObject agg = gce.ok("GET", "aggregated/instances", null);
        assertTrue(agg.getAsJsonObject("items").has("zones/" + zone));
    }

    @Test
    public void batchAnswersEachPartInOrder() throws Exception {
        String boundary = "b0undary";
        StringBuilder body = new StringBuilder();
        String[] paths = {"zones/" + zone, "global/networks/default", "zones/" + zone + "/instances/nope"};
        for (int i = 0; i < paths.length; i++) {
            body.append("--").append(boundary).append("\r\nContent-Type: application/http\r\nContent-ID: <part+")
                    .append(i).append(">\r\n\r\nGET /compute/v1/projects/").append(gce.project()).append('/')
                    .append(paths[i]).append(" HTTP/1.1\r\n\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                        + "/batch/compute/v1")).header("Authorization", "Bearer " + gce.token())
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String text = r.body();
        assertTrue(text, text.indexOf("<response-part+0>") < text.indexOf("<response-part+1>"));
        assertTrue(text, text.contains("HTTP/1.1 404"));
        assertTrue(text, text.contains("compute#zone") && text.contains("compute#network"));
    }

    @Test
    public void badInputGetsGceErrors() {
        assertEquals(400, gce.call("POST", "zones/" + zone + "/instances", "{\"name\":\"x1\",\"bogus\":1}").status());
        assertEquals(400, gce.call("POST", "zones/" + zone + "/instances", "{\"name\":{\"a\":1}}").status());
        assertEquals(400, gce.call("POST", "zones/" + zone + "/instances", "{not json").status());
        assertEquals(400, gce.call("POST", "zones/" + zone + "/instances", instanceBody("Bad_Name", "")).status());
        GceClient.Reply missing = gce.call("GET", "zones/" + zone + "/instances/no-such-vm", null);
        assertEquals(404, missing.status());
        assertEquals("notFound", missing.json().getAsJsonObject("error").getAsJsonArray("errors").get(0)
                .getAsJsonObject().get("reason").getAsString());
        assertEquals(404, gce.call("GET", "zones/no-such-zone/instances", null).status());
        assertEquals(400, gce.call("GET", "zones/" + zone + "/instances?bogus=1", null).status());
        String name = "dup-" + (System.nanoTime() % 100000);
        create(name, "");
        assertEquals(409, gce.call("POST", "zones/" + zone + "/instances", instanceBody(name, "")).status());
        // public image projects are empty, not forbidden
        JsonObject debian = gce.ok("GET", "/compute/v1/projects/debian-cloud/global/images", null);
        assertFalse(debian.has("items"));
    }

    @Test
    public void anotherProjectIsForbiddenAndNativeVmsAppear() {
        NativeClient other = SERVER.tenant("gceother" + System.nanoTime());
        GceClient otherGce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(other));
        GceClient.Reply r = otherGce.call("GET", "/compute/v1/projects/" + gce.project() + "/zones/" + zone
                + "/instances", null);
        assertEquals(r.body(), 403, r.status());
        // one VM, several views: a natively deployed VM is an instance of the account's project
        JsonObject zoneRow = other.call("listZones").inner().getAsJsonArray("zone").get(0).getAsJsonObject();
        String offering = other.call("listServiceOfferings").inner().getAsJsonArray("serviceoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
        String template = other.call("listTemplates", "templatefilter", "executable").inner()
                .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
        NativeClient.Reply dep = other.call("deployVirtualMachine", "zoneid", zoneRow.get("id").getAsString(),
                "serviceofferingid", offering, "templateid", template, "name", "native-vm");
        assertEquals(dep.body(), 200, dep.status());
        JsonObject job = other.awaitJob(dep.inner().get("jobid").getAsString());
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        JsonArray items = otherGce.ok("GET", "zones/" + zone + "/instances", null).getAsJsonArray("items");
        assertEquals("native-vm", items.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("RUNNING", items.get(0).getAsJsonObject().get("status").getAsString());
    }

    @Test
    public void oneVmThreeViewsWithEc2() {
        var ec2 = Ec2Sdk.client(SERVER, tenant);
        String imageId = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
        String instanceId = ec2.runInstances(b -> b.imageId(imageId).minCount(1).maxCount(1)
                .tagSpecifications(t -> t.resourceType("instance").tags(
                        software.amazon.awssdk.services.ec2.model.Tag.builder().key("Name").value("from-ec2").build(),
                        software.amazon.awssdk.services.ec2.model.Tag.builder().key("team").value("blue").build())))
                .instances().get(0).instanceId();
        ec2.waiter().waitUntilInstanceRunning(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.builder()
                .instanceIds(instanceId).build(), Ec2Sdk.quickly());
        JsonObject vm = gce.ok("GET", "zones/" + zone + "/instances/from-ec2", null);
        assertEquals("RUNNING", vm.get("status").getAsString());
        assertEquals("blue", vm.getAsJsonObject("labels").get("team").getAsString());
        // stopped through GCE, stopped for EC2
        gce.await(gce.ok("POST", "zones/" + zone + "/instances/from-ec2/stop", null));
        assertEquals("stopped", ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0)
                .instances().get(0).state().nameAsString());
        gce.await(gce.ok("DELETE", "zones/" + zone + "/instances/from-ec2", null));
        assertEquals("terminated", ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0)
                .instances().get(0).state().nameAsString());
    }

    @Test
    public void firewallsApplyToTheInstancesTheyTarget() {
        String fw = "tgt-" + (System.nanoTime() % 100000);
        gce.await(gce.ok("POST", "global/firewalls", "{\"name\":\"" + fw + "\",\"allowed\":[{\"IPProtocol\":"
                + "\"tcp\",\"ports\":[\"80\"]}],\"targetTags\":[\"web\"]}"));
        String tagged = fw + "-a";
        String untagged = fw + "-b";
        create(tagged, ",\"tags\":{\"items\":[\"web\"]}");
        JsonObject plain = create(untagged, "");
        assertTrue(groupsOf(tagged).contains(fw));
        assertFalse(groupsOf(untagged).contains(fw));
        // tagging an instance brings it under the firewall
        gce.await(gce.ok("POST", "zones/" + zone + "/instances/" + untagged + "/setTags", "{\"items\":[\"web\"],"
                + "\"fingerprint\":\"" + plain.getAsJsonObject("tags").get("fingerprint").getAsString() + "\"}"));
        assertTrue(groupsOf(untagged).contains(fw));
        // a firewall without target tags applies to every instance
        String all = fw + "-all";
        gce.await(gce.ok("POST", "global/firewalls", "{\"name\":\"" + all + "\",\"allowed\":[{\"IPProtocol\":"
                + "\"icmp\"}]}"));
        assertTrue(groupsOf(tagged).contains(all) && groupsOf(untagged).contains(all));
        // the instances it targets do not stop a firewall's delete
        JsonObject deleted = gce.await(gce.ok("DELETE", "global/firewalls/" + fw, null));
        assertFalse(deleted.toString(), deleted.has("error"));
        assertFalse(groupsOf(tagged).contains(fw));
    }

    private static List<String> groupsOf(String vmName) {
        List<String> out = new ArrayList<>();
        JsonObject vm = nativeVm(vmName);
        if (vm.has("securitygroup")) {
            for (JsonElement g : vm.getAsJsonArray("securitygroup")) {
                out.add(g.getAsJsonObject().get("name").getAsString());
            }
        }
        return out;
    }

    @Test
    public void thePanelGivesClientConfigAndCallCounts() throws Exception {
        gce.ok("GET", "zones", null);
        JsonObject cfg = tenant.call("getGceClientConfig", "endpoint", "http://cloud.example:8080").inner()
                .getAsJsonObject("gceclientconfig");
        assertEquals("http://cloud.example:8080/compute/v1/", cfg.get("endpoint").getAsString());
        assertEquals("http://cloud.example:8080/oauth2/token", cfg.get("tokenuri").getAsString());
        assertEquals(gce.project(), cfg.get("project").getAsString());
        assertTrue(cfg.get("gcloud").getAsString(), cfg.get("gcloud").getAsString().contains(
                "gcloud config set api_endpoint_overrides/compute http://cloud.example:8080/compute/v1/\n"));
        long zoneCalls = 0;
        for (JsonElement op : cfg.getAsJsonArray("operation")) {
            if ("compute.zones.list".equals(op.getAsJsonObject().get("name").getAsString())) {
                zoneCalls = op.getAsJsonObject().get("calls").getAsLong();
            }
        }
        assertTrue(cfg.toString(), zoneCalls >= 1);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/ui/gce/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("src=\"panel.js\""));
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/ui/gce/panel.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(script.body().contains("createGceServiceAccountKey"));
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/ui/gce/secret.txt"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static JsonObject nativeVm(String name) {
        JsonArray vms = tenant.call("listVirtualMachines", "name", name).inner().getAsJsonArray("virtualmachine");
        assertEquals(1, vms.size());
        return vms.get(0).getAsJsonObject();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
