package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The golden comparison itself: what it accepts, what it reports, and how placeholders bind. */
public class Ec2GoldenTest {
    private static final String EXPECTED = "<R xmlns=\"urn:x\"><requestId>{requestId}</requestId><set><item>"
            + "<id>{instanceId}</id><at>{timestamp}</at><n>1</n></item><item><id>{instanceId2}</id><at>{timestamp}</at>"
            + "<n>2</n></item></set><empty/><same>{instanceId}</same></R>";

    private static String actual(String id1, String id2, String n2, String same) {
        return "<R xmlns=\"urn:x\"><same>" + same + "</same><requestId>0f8fad5b-d9cb-469f-a165-70867728950e</requestId>"
                + "<empty/><set><item><at>2026-11-25T10:00:00.000Z</at><id>" + id1 + "</id><n>1</n></item><item>"
                + "<id>" + id2 + "</id><at>2026-11-25T10:00:01.123Z</at><n>" + n2 + "</n></item></set></R>";
    }

    @Test
    public void matchingResponseBindsPlaceholders() {
        Map<String, String> bound = new HashMap<>();
        List<String> diffs = Ec2Golden.compare(EXPECTED, actual("i-0123456789abcdef0", "i-0123456789abcdef1", "2",
                "i-0123456789abcdef0"), bound);
        assertEquals(List.of(), diffs);
        assertEquals("i-0123456789abcdef0", bound.get("instanceId"));
        assertEquals("i-0123456789abcdef1", bound.get("instanceId2"));
        assertTrue("volatile placeholders are not bound", !bound.containsKey("timestamp"));
    }

    @Test
    public void differencesAreReported() {
        Map<String, String> bound = new HashMap<>();
        List<String> diffs = Ec2Golden.compare(EXPECTED, actual("i-0123456789abcdef0", "vol-0123456789abcdef1", "3",
                "i-0123456789abcdef9"), bound);
        assertEquals(diffs.toString(), 3, diffs.size());
        assertTrue(diffs.get(0), diffs.stream().anyMatch(d -> d.contains("is not a {instanceId2}")));
        assertTrue(diffs.stream().anyMatch(d -> d.contains("'3', expected '2'")));
        assertTrue(diffs.stream().anyMatch(d -> d.contains("/R/same") && d.contains("i-0123456789abcdef0")));
    }

    @Test
    public void boundValuesMustRecurAndMissingOrExtraElementsAreReported() {
        Map<String, String> bound = new HashMap<>(Map.of("instanceId", "i-0000000000000000a"));
        String actual = "<R xmlns=\"urn:x\"><requestId>0f8fad5b-d9cb-469f-a165-70867728950e</requestId><set>"
                + "<item><id>i-0123456789abcdef0</id><at>2026-11-25T10:00:00Z</at><n>1</n></item></set><extra>x</extra>"
                + "<same>i-0000000000000000a</same></R>";
        List<String> diffs = Ec2Golden.compare(EXPECTED, actual, bound);
        assertTrue(diffs.toString(), diffs.stream().anyMatch(d -> d.contains("expected {instanceId}")));
        assertTrue(diffs.toString(), diffs.stream().anyMatch(d -> d.contains("1 items, expected 2")));
        assertTrue(diffs.toString(), diffs.stream().anyMatch(d -> d.contains("is not a {timestamp}")));
        assertTrue(diffs.toString(), diffs.stream().anyMatch(d -> d.contains("missing <empty>")));
        assertTrue(diffs.toString(), diffs.stream().anyMatch(d -> d.contains("unexpected <extra>")));
    }

    @Test
    public void namespaceAndEmptyVersusFilledListsDiffer() {
        List<String> diffs = Ec2Golden.compare("<R xmlns=\"urn:x\"><set/></R>",
                "<R xmlns=\"urn:y\"><set><item>a</item></set></R>", new HashMap<>());
        assertTrue(diffs.toString(), diffs.contains("/R: namespace urn:y, expected urn:x"));
        assertTrue(diffs.toString(), diffs.contains("/R/set: has children [item], expected text ''"));
    }

    @Test
    public void requestParametersAreSubstituted() {
        Map<String, String> p = Ec2Golden.request("# comment\nInstanceId.1={instanceId}\nTag.1.Value=a=b & c\n\n",
                Map.of("instanceId", "i-1"));
        assertEquals(Map.of("InstanceId.1", "i-1", "Tag.1.Value", "a=b & c"), p);
    }

    @Test(expected = IllegalStateException.class)
    public void unboundPlaceholderInARequestIsAnError() {
        Ec2Golden.request("InstanceId.1={instanceId}", Map.of());
    }
}
