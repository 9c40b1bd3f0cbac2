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
}
