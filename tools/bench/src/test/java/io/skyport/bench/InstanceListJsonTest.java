package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The GCE baseline's translator turns a listVirtualMachines answer into the instances.list page a client reads. */
public class InstanceListJsonTest {
    private static final String WEB = "a57368ce-f164-4b9f-8d5b-8447354c2bd6";
    private static final String DB = "0b9d0a55-3c1e-4c55-9d0e-52f3c1f0a001";
    private static final String BASE = "http://127.0.0.1:9999/compute/v1/";
    private static final String ZONE_URL = BASE + "projects/bench/zones/sandbox-simulator";

    @Test
    public void everyVmBecomesAnInstanceWithStatusZoneMachineTypeAndAddress() throws Exception {
        JsonObject page = render(fixture(), "");

        assertEquals("compute#instanceList", page.get("kind").getAsString());
        assertEquals(ZONE_URL + "/instances", page.get("selfLink").getAsString());
        assertEquals(List.of("web-1", "db-1"), field(page, "name"));
        assertEquals(List.of("id-" + WEB, "id-" + DB), field(page, "id"));
        assertEquals(List.of("RUNNING", "TERMINATED"), field(page, "status"));
        assertEquals(List.of(ZONE_URL, ZONE_URL), field(page, "zone"));
        assertEquals(List.of(ZONE_URL + "/machineTypes/small-instance", ZONE_URL + "/machineTypes/medium-instance"),
                field(page, "machineType"));
        assertEquals(List.of(ZONE_URL + "/instances/web-1", ZONE_URL + "/instances/db-1"), field(page, "selfLink"));
        // the default NIC's address, not the first NIC's
        List<String> ips = new ArrayList<>();
        for (JsonElement i : page.getAsJsonArray("items")) {
            ips.add(i.getAsJsonObject().getAsJsonArray("networkInterfaces").get(0).getAsJsonObject()
                    .get("networkIP").getAsString());
        }
        assertEquals(List.of("10.1.1.136", "10.1.1.137"), ips);
    }

    @Test
    public void creationTimestampIsRfc3339InUtcWithMilliseconds() throws Exception {
        assertEquals(List.of("2026-11-25T04:47:34.000+00:00", "2026-11-25T05:15:02.000+00:00"),
                field(render(fixture(), ""), "creationTimestamp"));
    }

    @Test
    public void tagsThatAreValidLabelsBecomeLabels() throws Exception {
        JsonObject answer = JsonParser.parseString(fixture()).getAsJsonObject();
        JsonObject web = answer.getAsJsonObject("listvirtualmachinesresponse").getAsJsonArray("virtualmachine").get(0)
                .getAsJsonObject();
        JsonArray tags = new JsonArray();
        tags.add(tag("env", "prod"));
        tags.add(tag("Owner", "ops"));
        web.add("tags", tags);

        JsonArray items = render(answer.toString(), "").getAsJsonArray("items");

        assertEquals("{\"env\":\"prod\"}", items.get(0).getAsJsonObject().get("labels").toString());
        // db-1's only tag has a value no label may have
        assertFalse(items.get(1).getAsJsonObject().has("labels"));
    }

    @Test
    public void theNextPageTokenIsThereOnlyWhenGiven() throws Exception {
        assertEquals("cGFnZToy", render(fixture(), "cGFnZToy").get("nextPageToken").getAsString());
        assertFalse(render(fixture(), "").has("nextPageToken"));
    }

    @Test
    public void instancesAreReadBackByNameOverAllPages() throws Exception {
        String first = new InstanceListJson(uuid -> "id-" + uuid).render(
                NativeVmJson.response(fixture()), BASE, "bench", "sandbox-simulator", "next");
        String empty = "{\"kind\":\"compute#instanceList\"}";

        InstanceListJson.Listed listed = InstanceListJson.instancesByName(List.of(first, empty, first));

        assertEquals(Map.of("web-1", "id-" + WEB, "db-1", "id-" + DB), listed.idsByName());
        assertEquals(4, listed.items());
    }

    @Test
    public void zoneAndMachineTypeNamesFollowTheServersRules() {
        assertEquals("sandbox-simulator", InstanceListJson.zoneName("Sandbox-simulator"));
        assertEquals("z-1-zone", InstanceListJson.zoneName("1 Zone"));
        assertEquals("small-instance", InstanceListJson.slug("Small Instance"));
        assertEquals("x-2cpu", InstanceListJson.slug("2CPU"));
    }

    @Test
    public void anErrorAnswerIsNotTranslated() {
        assertThrows(IllegalArgumentException.class, () -> NativeVmJson.response(
                "{\"errorresponse\":{\"errorcode\":401,\"errortext\":\"unable to verify\"}}"));
    }

    private static JsonObject render(String nativeAnswer, String nextPageToken) {
        return JsonParser.parseString(new InstanceListJson(uuid -> "id-" + uuid).render(
                NativeVmJson.response(nativeAnswer), BASE, "bench", "sandbox-simulator", nextPageToken))
                .getAsJsonObject();
    }

    private static List<String> field(JsonObject page, String name) {
        List<String> out = new ArrayList<>();
        for (JsonElement i : page.getAsJsonArray("items")) {
            out.add(i.getAsJsonObject().get(name).getAsString());
        }
        return out;
    }

    private static JsonObject tag(String key, String value) {
        JsonObject t = new JsonObject();
        t.addProperty("key", key);
        t.addProperty("value", value);
        return t;
    }

    private static String fixture() throws Exception {
        return DescribeInstancesXmlTest.fixture();
    }
}
