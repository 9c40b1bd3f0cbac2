package io.skyport.gce.wire;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.cloud.compute.v1.Tags;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import org.junit.Test;

public class ProtoJsonTest {
    private static GceException refused(String body) {
        try {
            ProtoJson.merge(body, Tags.newBuilder());
        } catch (GceException e) {
            return e;
        }
        fail("accepted " + body);
        return null;
    }

    @Test
    public void aMalformedEscapeIsAParseErrorThatNamesNoJavaClass() {
        GceException e = refused("{\"fingerprint\":\"\\uZZZZ\"}");
        assertEquals(GceError.PARSE_ERROR, e.error());
        assertTrue(e.getMessage(), e.getMessage().startsWith("Invalid JSON payload received. "));
        assertTrue(e.getMessage(), e.getMessage().contains("Malformed Unicode escape"));
        assertFalse(e.getMessage(), e.getMessage().contains("Exception"));
        assertFalse(e.getMessage(), e.getMessage().contains("com.google"));
        assertFalse(e.getMessage(), e.getMessage().contains("github.com"));
    }

    @Test
    public void anUnknownFieldNamesTheMessageWithoutItsPackage() {
        GceException e = refused("{\"machineType\":\"x\"}");
        assertEquals("Invalid JSON payload received. Cannot find field: machineType in message Tags", e.getMessage());
    }

    @Test
    public void deeplyNestedJsonIsAParseError() {
        for (String body : new String[] {"{\"items\":" + "[".repeat(5000), "{\"items\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
            "{\"a\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_001)}) {
            assertEquals(GceError.PARSE_ERROR, refused(body).error());
        }
    }

    @Test
    public void aLongStringBodyIsRefusedQuickly() {
        GceException e = refused("\"" + "x".repeat(200_000) + "\"");
        assertEquals(GceError.PARSE_ERROR, e.error());
        assertEquals("x", ProtoJson.clean("com.google.gson.JsonSyntaxException: x"));
        assertEquals(100_000, ProtoJson.clean("a".repeat(100_000)).length());
    }
}
