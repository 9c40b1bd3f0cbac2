package io.skyport.gce.metadata;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MetadataQueryTest {
    @Test
    public void recursiveDefaultsToJsonAndAltOverrides() {
        assertFalse(MetadataQuery.of(null, null, null, null, null).json());
        assertTrue(MetadataQuery.of("true", null, null, null, null).json());
        assertFalse(MetadataQuery.of("true", "text", null, null, null).json());
        assertTrue(MetadataQuery.of(null, "json", null, null, null).json());
        assertThrows(IllegalArgumentException.class, () -> MetadataQuery.of(null, "xml", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> MetadataQuery.of("yes", null, null, null, null));
    }

    @Test
    public void waitParameters() {
        MetadataQuery q = MetadataQuery.of(null, null, "true", "abc", "30");
        assertTrue(q.waitForChange());
        assertEquals("abc", q.lastEtag());
        assertEquals(30, q.timeoutSeconds());
        assertNull("0 is no ETag", MetadataQuery.of(null, null, "true", "0", null).lastEtag());
        assertEquals(MetadataServer.MAX_WAIT_SECONDS, MetadataQuery.of(null, null, "true", null, null).timeoutSeconds());
        assertEquals(MetadataServer.MAX_WAIT_SECONDS, MetadataQuery.of(null, null, "true", null, "999999").timeoutSeconds());
        for (String bad : new String[] {"0", "-1", "soon", "1.5"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> MetadataQuery.of(null, null, "true", null, bad));
        }
    }
}
