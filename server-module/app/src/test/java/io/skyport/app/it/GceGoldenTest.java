package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The GCE golden comparison itself: what it accepts, what it reports, and how placeholders bind. */
public class GceGoldenTest {
    private static final String EXPECTED = "{\"kind\":\"compute#operation\",\"id\":\"{opId}\",\"name\":\"{op}\","
            + "\"selfLink\":\"{base}/compute/v1/projects/{project}/zones/z/operations/{op}\",\"status\":"
            + "\"{operationStatus}\",\"progress\":\"{progress}\",\"endTime?\":\"{timestamp}\",\"items\":[1,true]}";

    private static List<String> compare(String expected, String actual, Map<String, String> bound) {
        return GceGolden.compare(JsonParser.parseString(expected), JsonParser.parseString(actual), bound);
    }

    @Test
    public void matchingAnswerBindsPlaceholders() {
        Map<String, String> bound = new HashMap<>(Map.of("project", "proj-a1"));
        List<String> diffs = compare(EXPECTED, "{\"items\":[1,true],\"progress\":0,\"status\":\"RUNNING\",\"id\":"
                + "\"123\",\"name\":\"operation-ab-1\",\"selfLink\":\"http://h:1/compute/v1/projects/proj-a1/zones/z/"
                + "operations/operation-ab-1\",\"kind\":\"compute#operation\"}", bound);
        assertEquals(List.of(), diffs);
        assertEquals("123", bound.get("opId"));
        assertEquals("operation-ab-1", bound.get("op"));
        assertEquals("http://h:1", bound.get("base"));
        assertTrue("volatile placeholders are not bound", !bound.containsKey("operationStatus"));
    }

    @Test
    public void typesValuesMissingAndExtraMembersAreReported() {
        Map<String, String> bound = new HashMap<>(Map.of("project", "proj-a1", "op", "operation-x"));
        List<String> diffs = compare(EXPECTED, "{\"items\":[1],\"progress\":\"100\",\"status\":\"FINISHED\",\"id\":"
                + "123,\"name\":\"operation-y\",\"endTime\":\"yesterday\",\"extra\":1}", bound);
        String all = diffs.toString();
        assertTrue(all, all.contains("$.id: number 123, expected a string like \"{opId}\""));
        assertTrue(all, all.contains("$.name: 'operation-y', expected '{op}' with {op=operation-x}"));
        assertTrue(all, all.contains("$.status: 'FINISHED'"));
        assertTrue(all, all.contains("$.progress: string \"100\", expected a number"));
        assertTrue(all, all.contains("$.endTime: 'yesterday'"));
        assertTrue(all, all.contains("$: missing kind"));
        assertTrue(all, all.contains("$: missing selfLink"));
        assertTrue(all, all.contains("$: unexpected extra = 1"));
        assertTrue(all, all.contains("$.items: 1 items, expected 2"));
    }

    @Test
    public void literalsKeepTheirJsonType() {
        assertEquals(1, compare("{\"a\":\"1\"}", "{\"a\":1}", new HashMap<>()).size());
        assertEquals(1, compare("{\"a\":true}", "{\"a\":\"true\"}", new HashMap<>()).size());
        assertEquals(List.of(), compare("{\"a\":[{\"b\":2}]}", "{\"a\":[{\"b\":2}]}", new HashMap<>()));
    }

    @Test
    public void requestsAreFilledFromBoundValues() {
        assertEquals("{\"fingerprint\":\"abc=\",\"n\":2}", GceGolden.substitute(JsonParser.parseString(
                "{\"fingerprint\":\"{metadataFingerprint}\",\"n\":2}"), Map.of("metadataFingerprint", "abc="))
                .toString());
    }

    @Test(expected = IllegalStateException.class)
    public void anUnboundPlaceholderInARequestIsAnError() {
        GceGolden.substitute("zones/{zone}/instances", Map.of());
    }

    @Test
    public void updatesKeepMatchingPlaceholdersAndNormalizeTheRest() {
        Map<String, String> bound = Map.of("project", "proj-a1", "base", "http://h:1");
        String merged = GceGolden.merge(JsonParser.parseString("{\"id\":\"{anyId}\",\"name\":\"old\"}"),
                JsonParser.parseString("{\"id\":\"5\",\"name\":\"new\",\"creationTimestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"selfLink\":\"http://h:1/compute/v1/projects/proj-a1\"}"), "", bound).toString();
        assertEquals("{\"id\":\"{anyId}\",\"name\":\"new\",\"creationTimestamp\":\"{timestamp}\",\"selfLink\":"
                + "\"{base}/compute/v1/projects/{project}\"}", merged);
    }
}
