package io.skyport.app.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The provisioner's small parts: the cs client file, name matching, the progress display. */
public class ClusterCliPartsTest {
    @Test
    public void credentialsComeFromTheCsClientFileUnlessFlagsGiveThem() throws Exception {
        Path ini = Files.createTempFile("cloudstack", ".ini");
        try {
            Files.writeString(ini, "[cloudstack]\n; a comment = not a setting\nendpoint = http://cloud:8080/client/api\n"
                    + "key = K1\nsecret = S=1\ntimeout = 30\n");
            Credentials fromFile = Credentials.resolve(null, null, null, ini, null);
            assertEquals("http://cloud:8080/client/api", fromFile.nativeEndpoint());
            assertEquals("http://cloud:8080", fromFile.baseUrl());
            assertEquals("K1", fromFile.apiKey());
            assertEquals("S=1", fromFile.secretKey());
            Credentials flags = Credentials.resolve("http://other:9/client/api/", "K2", null, ini, null);
            assertEquals("http://other:9", flags.baseUrl());
            assertEquals("K2", flags.apiKey());
            assertEquals("S=1", flags.secretKey());
        } finally {
            Files.deleteIfExists(ini);
        }
        ClusterException none = assertThrows(ClusterException.class,
                () -> Credentials.resolve(null, null, null, Path.of("/nonexistent/cloudstack.ini"), null));
        assertTrue(none.getMessage(), none.getMessage().contains("--endpoint"));
    }

    @Test
    public void namesMatchAcrossTheApisSpellings() {
        List<String> offerings = List.of("Small Instance", "Medium Instance");
        assertEquals("Medium Instance", Names.pick("offering", "medium-instance", offerings, o -> "id-" + o, o -> o));
        assertEquals("Small Instance", Names.pick("offering", null, offerings, o -> o, o -> o));
        assertEquals("Medium Instance", Names.pick("offering", "id-Medium Instance", offerings, o -> "id-" + o,
                o -> o));
        ClusterException e = assertThrows(ClusterException.class,
                () -> Names.pick("offering", "large", offerings, o -> o, o -> o));
        assertTrue(e.getMessage(), e.getMessage().contains("Small Instance, Medium Instance"));
    }

    @Test
    public void progressPrintsALineOnlyWhenANodesStateChanges() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text));
        for (int poll = 0; poll < 50; poll++) {
            p.node("a-control-0", poll < 10 ? "Starting" : "Running");
            p.node("a-worker-0", "Running");
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(text.toString(), 3, lines.size());
        assertTrue(lines.get(0), lines.get(0).matches("\\[ *\\d+\\.\\ds] a-control-0 +Starting"));
        assertTrue(lines.get(2), lines.get(2).endsWith("a-control-0                  Running"));
    }
}
