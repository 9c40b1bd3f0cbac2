package io.skyport.gce.discovery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.gce.spec.ApiMethod;
import io.skyport.gce.spec.ComputeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

/** {@link DiscoveryDocument} for a handful of instance, operation and firewall methods. */
public class DiscoveryDocumentTest {
    private static final String ROOT = "http://127.0.0.1:8080/";
    private static final List<String> SERVED = List.of(
            "compute.instances.insert", "compute.instances.list", "compute.instances.get",
            "compute.instances.aggregatedList", "compute.instances.setMetadata",
            "compute.zoneOperations.wait", "compute.firewalls.insert");

    private static JsonObject doc;

    private static List<ApiMethod> served() {
        return SERVED.stream().map(id -> ComputeSpec.get().method(id).orElseThrow()).toList();
    }

    @BeforeClass
    public static void build() {
        doc = DiscoveryDocument.build(served(), ROOT);
    }

    private static JsonObject method(String resource, String name) {
        return doc.getAsJsonObject("resources").getAsJsonObject(resource)
                .getAsJsonObject("methods").getAsJsonObject(name);
    }

    private static JsonObject schema(String name) {
        return doc.getAsJsonObject("schemas").getAsJsonObject(name);
    }

    private static JsonObject property(String schema, String property) {
        return schema(schema).getAsJsonObject("properties").getAsJsonObject(property);
    }

    private static String string(JsonObject o, String member) {
        return o.get(member).getAsString();
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    @Test
    public void topLevelDescribesComputeV1AtTheRootUrl() {
        assertEquals("discovery#restDescription", string(doc, "kind"));
        assertEquals("v1", string(doc, "discoveryVersion"));
        assertEquals("compute:v1", string(doc, "id"));
        assertEquals("compute", string(doc, "name"));
        assertEquals("v1", string(doc, "version"));
        assertEquals("Compute Engine API", string(doc, "title"));
        assertEquals("rest", string(doc, "protocol"));
        assertEquals(ROOT, string(doc, "rootUrl"));
        assertEquals("compute/v1/", string(doc, "servicePath"));
        assertEquals("/compute/v1/", string(doc, "basePath"));
        assertEquals(ROOT + "compute/v1/", string(doc, "baseUrl"));
        assertEquals("batch/compute/v1", string(doc, "batchPath"));
        assertFalse(string(doc, "revision").isEmpty());
    }

    @Test
    public void standardParametersAndScopes() {
        JsonObject parameters = doc.getAsJsonObject("parameters");
        for (String name : List.of("$.xgafv", "access_token", "alt", "callback", "fields", "key", "oauth_token",
                "prettyPrint", "quotaUser", "uploadType", "upload_protocol", "userIp")) {
            assertEquals(name, "query", string(parameters.getAsJsonObject(name), "location"));
        }
        assertEquals(List.of("json"), strings(parameters.getAsJsonObject("alt").getAsJsonArray("enum")));
        assertEquals("boolean", string(parameters.getAsJsonObject("prettyPrint"), "type"));
        assertEquals("true", string(parameters.getAsJsonObject("prettyPrint"), "default"));
        JsonObject scopes = doc.getAsJsonObject("auth").getAsJsonObject("oauth2").getAsJsonObject("scopes");
        assertEquals(List.of(DiscoveryDocument.SCOPE_CLOUD_PLATFORM, DiscoveryDocument.SCOPE_COMPUTE,
                DiscoveryDocument.SCOPE_COMPUTE_READONLY), new ArrayList<>(scopes.keySet()));
    }

    @Test
    public void insertTakesAnInstanceAndAnswersAnOperation() {
        JsonObject insert = method("instances", "insert");
        assertEquals("compute.instances.insert", string(insert, "id"));
        assertEquals("projects/{project}/zones/{zone}/instances", string(insert, "path"));
        assertEquals(string(insert, "path"), string(insert, "flatPath"));
        assertEquals("POST", string(insert, "httpMethod"));
        assertEquals(List.of("project", "zone"), strings(insert.getAsJsonArray("parameterOrder")));
        assertEquals("Instance", string(insert.getAsJsonObject("request"), "$ref"));
        assertEquals("Operation", string(insert.getAsJsonObject("response"), "$ref"));
        JsonObject parameters = insert.getAsJsonObject("parameters");
        JsonObject project = parameters.getAsJsonObject("project");
        assertEquals("path", string(project, "location"));
        assertTrue(project.get("required").getAsBoolean());
        JsonObject requestId = parameters.getAsJsonObject("requestId");
        assertEquals("query", string(requestId, "location"));
        assertEquals("string", string(requestId, "type"));
        assertNull(requestId.get("required"));
        // the body is not a parameter
        assertNull(parameters.get("instanceResource"));
        assertEquals(List.of(DiscoveryDocument.SCOPE_CLOUD_PLATFORM, DiscoveryDocument.SCOPE_COMPUTE),
                strings(insert.getAsJsonArray("scopes")));
    }

    @Test
    public void getHasTheResourceNameLastAndTheReadOnlyScope() {
        JsonObject get = method("instances", "get");
        assertEquals("GET", string(get, "httpMethod"));
        assertEquals("projects/{project}/zones/{zone}/instances/{instance}", string(get, "path"));
        assertEquals(List.of("project", "zone", "instance"), strings(get.getAsJsonArray("parameterOrder")));
        assertNull(get.get("request"));
        assertEquals("Instance", string(get.getAsJsonObject("response"), "$ref"));
        assertTrue(strings(get.getAsJsonArray("scopes")).contains(DiscoveryDocument.SCOPE_COMPUTE_READONLY));
    }

    @Test
    public void listHasThePagingAndFilterParameters() {
        JsonObject parameters = method("instances", "list").getAsJsonObject("parameters");
        JsonObject maxResults = parameters.getAsJsonObject("maxResults");
        assertEquals("integer", string(maxResults, "type"));
        assertEquals("uint32", string(maxResults, "format"));
        assertEquals("query", string(maxResults, "location"));
        for (String name : List.of("filter", "pageToken", "orderBy")) {
            assertEquals(name, "string", string(parameters.getAsJsonObject(name), "type"));
            assertEquals(name, "query", string(parameters.getAsJsonObject(name), "location"));
        }
        assertEquals("boolean", string(parameters.getAsJsonObject("returnPartialSuccess"), "type"));
        assertEquals("InstanceList", string(method("instances", "list").getAsJsonObject("response"), "$ref"));
    }

    @Test
    public void aggregatedListItemsAreAMapOfScopedLists() {
        JsonObject aggregated = method("instances", "aggregatedList");
        assertEquals("projects/{project}/aggregated/instances", string(aggregated, "path"));
        assertEquals("InstanceAggregatedList", string(aggregated.getAsJsonObject("response"), "$ref"));
        JsonObject items = property("InstanceAggregatedList", "items");
        assertEquals("object", string(items, "type"));
        assertEquals("InstancesScopedList", string(items.getAsJsonObject("additionalProperties"), "$ref"));
        assertEquals("object", string(schema("InstancesScopedList"), "type"));
    }

    @Test
    public void instanceSchemaTypesFollowTheJsonMapping() {
        JsonObject instance = schema("Instance");
        assertEquals("Instance", string(instance, "id"));
        assertEquals("object", string(instance, "type"));
        JsonObject id = property("Instance", "id");
        assertEquals("string", string(id, "type"));
        assertEquals("uint64", string(id, "format"));
        assertEquals("string", string(property("Instance", "creationTimestamp"), "type"));
        assertEquals("boolean", string(property("Instance", "canIpForward"), "type"));
        JsonObject disks = property("Instance", "disks");
        assertEquals("array", string(disks, "type"));
        assertEquals("AttachedDisk", string(disks.getAsJsonObject("items"), "$ref"));
        JsonObject labels = property("Instance", "labels");
        assertEquals("object", string(labels, "type"));
        assertEquals("string", string(labels.getAsJsonObject("additionalProperties"), "type"));
        assertEquals("Metadata", string(property("Instance", "metadata"), "$ref"));
    }

    @Test
    public void enumStringsListTheirValuesWithoutTheUnsetPlaceholder() {
        List<String> status = strings(property("Instance", "status").getAsJsonArray("enum"));
        assertTrue(status.contains("RUNNING"));
        assertTrue(status.contains("TERMINATED"));
        assertFalse(status.contains("UNDEFINED_STATUS"));
        // Operation.status is typed with the enum itself rather than a string
        assertEquals(List.of("DONE", "PENDING", "RUNNING"),
                strings(property("Operation", "status").getAsJsonArray("enum")));
        assertEquals("string", string(property("Operation", "status"), "type"));
        assertEquals(List.of("EGRESS", "INGRESS"), strings(property("Firewall", "direction").getAsJsonArray("enum")));
        // a plain string without a sibling enum has no enum
        assertNull(property("Instance", "name").get("enum"));
    }

    @Test
    public void firewallRulesUseTheirJsonNames() {
        JsonObject allowed = property("Firewall", "allowed");
        assertEquals("array", string(allowed, "type"));
        assertEquals("Allowed", string(allowed.getAsJsonObject("items"), "$ref"));
        assertEquals("string", string(property("Allowed", "IPProtocol"), "type"));
        assertEquals("array", string(property("Allowed", "ports"), "type"));
        assertNull(schema("Allowed").getAsJsonObject("properties").get("iPProtocol"));
        assertEquals("projects/{project}/global/firewalls", string(method("firewalls", "insert"), "path"));
    }

    @Test
    public void operationWaitIsUnderZoneOperations() {
        JsonObject wait = method("zoneOperations", "wait");
        assertEquals("POST", string(wait, "httpMethod"));
        assertEquals(List.of("project", "zone", "operation"), strings(wait.getAsJsonArray("parameterOrder")));
        assertEquals("Operation", string(wait.getAsJsonObject("response"), "$ref"));
        assertNull(wait.get("request"));
    }

    @Test
    public void setMetadataTakesAMetadataBody() {
        JsonObject setMetadata = method("instances", "setMetadata");
        assertEquals("Metadata", string(setMetadata.getAsJsonObject("request"), "$ref"));
        assertEquals(List.of("project", "zone", "instance"), strings(setMetadata.getAsJsonArray("parameterOrder")));
    }

    @Test
    public void everyRefResolvesToASchema() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 10);
        for (String ref : refs) {
            assertTrue("unresolved $ref " + ref, doc.getAsJsonObject("schemas").has(ref));
        }
    }

    private static void collectRefs(JsonElement element, List<String> refs) {
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().getAsString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectRefs(e, refs));
        }
    }

    @Test
    public void onlyServedMethodsAndTheirSchemasAppear() {
        JsonObject resources = doc.getAsJsonObject("resources");
        assertEquals(List.of("firewalls", "instances", "zoneOperations"), new ArrayList<>(resources.keySet()));
        JsonObject instances = resources.getAsJsonObject("instances").getAsJsonObject("methods");
        assertEquals(5, instances.size());
        assertNull(instances.get("setName"));
        assertNull(instances.get("delete"));
        // setName's body is only reachable from the unserved method
        assertNull(schema("InstancesSetNameRequest"));
    }

    @Test
    public void snakeCasePathVariablesUseJsonNames() {
        ApiMethod getUrlMap = ComputeSpec.get().method("compute.urlMaps.get").orElseThrow();
        JsonObject get = DiscoveryDocument.build(List.of(getUrlMap), ROOT).getAsJsonObject("resources")
                .getAsJsonObject("urlMaps").getAsJsonObject("methods").getAsJsonObject("get");
        assertEquals("projects/{project}/global/urlMaps/{urlMap}", string(get, "path"));
        assertEquals(List.of("project", "urlMap"), strings(get.getAsJsonArray("parameterOrder")));
        assertTrue(get.getAsJsonObject("parameters").has("urlMap"));
    }

    @Test
    public void buildIsDeterministicWhateverTheOrderServed() {
        List<ApiMethod> reversed = new ArrayList<>(served());
        Collections.reverse(reversed);
        Gson gson = new Gson();
        String first = gson.toJson(DiscoveryDocument.build(served(), ROOT));
        assertEquals(first, gson.toJson(DiscoveryDocument.build(served(), ROOT)));
        assertEquals(first, gson.toJson(DiscoveryDocument.build(reversed, ROOT)));
        assertNotEquals(first, gson.toJson(DiscoveryDocument.build(served(), "http://example.test/")));
    }

    @Test
    public void wholeApiBuildsWithEveryRefResolved() {
        JsonObject all = DiscoveryDocument.build(ComputeSpec.get().methods(), ROOT);
        List<String> refs = new ArrayList<>();
        collectRefs(all, refs);
        refs.forEach(ref -> assertTrue("unresolved $ref " + ref, all.getAsJsonObject("schemas").has(ref)));
        int methods = all.getAsJsonObject("resources").entrySet().stream()
                .mapToInt(r -> r.getValue().getAsJsonObject().getAsJsonObject("methods").size()).sum();
        assertEquals(ComputeSpec.get().methods().size(), methods);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rootUrlMustEndInASlash() {
        DiscoveryDocument.build(served(), "http://127.0.0.1:8080");
    }
}
