package io.skyport.gce.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/**
 * Fingerprints are bytes in the Compute API: a client may send back the one it read in either
 * base64 alphabet (gcloud re-encodes them URL-safe), and both must match.
 */
public class FingerprintTest {
    /** Items whose fingerprint has both a '+' and a '/' in standard base64, so each alphabet shows. */
    private static Map<String, String> itemsWithBothSpecialCharacters() {
        for (int n = 0; ; n++) {
            Map<String, String> items = new LinkedHashMap<>();
            items.put("team", "t" + n);
            String f = InstanceMetadata.fingerprint(items);
            if (f.contains("+") && f.contains("/")) {
                return items;
            }
        }
    }

    @Test
    public void theUrlSafeFormOfAFingerprintIsTheSameFingerprint() {
        String written = InstanceMetadata.fingerprint(itemsWithBothSpecialCharacters());
        String urlSafe = written.replace('+', '-').replace('/', '_');
        assertNotEquals(written, urlSafe);
        assertEquals(written, InstanceMetadata.canonicalFingerprint(urlSafe));
        assertEquals(written, InstanceMetadata.canonicalFingerprint(written));
        assertEquals("without padding too", written, InstanceMetadata.canonicalFingerprint(urlSafe.replace("=", "")));
    }

    @Test
    public void textThatIsNotBase64MatchesNothing() {
        assertEquals("not base64!", InstanceMetadata.canonicalFingerprint("not base64!"));
        assertEquals("", InstanceMetadata.canonicalFingerprint(""));
    }
}
