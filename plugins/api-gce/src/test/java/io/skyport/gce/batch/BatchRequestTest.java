package io.skyport.gce.batch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skyport.gce.GceDispatcher;
import io.skyport.gce.GceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class BatchRequestTest {
    private static final String BODY = "--xyz\r\nContent-Type: application/http\r\nContent-ID: <abc+1>\r\n\r\n"
            + "GET /compute/v1/projects/p/zones/z?alt=json HTTP/1.1\r\n\r\n\r\n"
            + "--xyz\r\nContent-Type: application/http\r\nContent-ID: <abc+2>\r\n\r\n"
            + "POST http://host:1/compute/v1/projects/p/global/firewalls HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "\r\n{\"name\":\"fw\"}\r\n--xyz--\r\n";

    @Test
    public void partsAreDispatchedInOrderAndAnsweredWithTheirIds() {
        List<BatchRequest.Part> seen = new ArrayList<>();
        BatchRequest.Reply reply = BatchRequest.run("multipart/mixed; boundary=xyz", BODY.getBytes(
                StandardCharsets.UTF_8), p -> {
                    seen.add(p);
                    return new GceDispatcher.Reply(seen.size() == 1 ? 200 : 404, "{\"n\":" + seen.size() + "}");
                });
        assertEquals(2, seen.size());
        assertEquals("GET", seen.get(0).verb());
        assertEquals("/compute/v1/projects/p/zones/z", seen.get(0).path());
        assertEquals("alt=json", seen.get(0).query());
        assertEquals("POST", seen.get(1).verb());
        assertEquals("/compute/v1/projects/p/global/firewalls", seen.get(1).path());
        assertEquals("{\"name\":\"fw\"}", seen.get(1).body());
        assertTrue(reply.contentType().startsWith("multipart/mixed; boundary="));
        String out = reply.body();
        assertTrue(out, out.indexOf("Content-ID: <response-abc+1>") < out.indexOf("Content-ID: <response-abc+2>"));
        assertTrue(out, out.contains("HTTP/1.1 404 Not Found"));
    }

    @Test(expected = GceException.class)
    public void aBatchMustBeMultipart() {
        BatchRequest.run("application/json", new byte[0], p -> null);
    }

    @Test(expected = GceException.class)
    public void anEmptyBatchIsRefused() {
        BatchRequest.run("multipart/mixed; boundary=xyz", "--xyz--\r\n".getBytes(StandardCharsets.UTF_8), p -> null);
    }
}
