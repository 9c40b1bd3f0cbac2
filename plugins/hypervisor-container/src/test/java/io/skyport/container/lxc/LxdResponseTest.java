package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Envelopes as LXD 5.0 sends them (captured from the daemon). */
public class LxdResponseTest {
    @Test
    public void anErrorNamesTheRequestAndLxdsMessage() {
        LxdResponse r = LxdResponse.parse(404, "{\"type\":\"error\",\"status\":\"\",\"status_code\":0,\"operation\":\"\","
                + "\"error_code\":404,\"error\":\"Image alias not found\",\"metadata\":null}", "GET /1.0/images/aliases/x");
        assertTrue(r.isError());
        LxdException e = r.failure("GET /1.0/images/aliases/x");
        assertTrue(e.notFound());
        assertEquals("LXD refused GET /1.0/images/aliases/x: Image alias not found", e.getMessage());
    }

    @Test
    public void anAsyncAnswerNamesItsOperation() {
        LxdResponse r = LxdResponse.parse(202, "{\"type\":\"async\",\"status\":\"Operation created\",\"status_code\":100,"
                + "\"operation\":\"/1.0/operations/031b\",\"error_code\":0,\"error\":\"\",\"metadata\":{\"id\":\"031b\","
                + "\"class\":\"task\",\"status\":\"Running\",\"status_code\":103}}", "POST /1.0/instances");
        assertTrue(r.isAsync());
        assertFalse(r.isError());
        assertEquals("/1.0/operations/031b", r.operation());
        assertEquals("031b", r.metadata().getAsJsonObject().get("id").getAsString());
    }

    @Test
    public void aBodyThatIsNoEnvelopeIsAnErrorWithTheStatus() {
        LxdException e = assertThrows(LxdException.class, () -> LxdResponse.parse(502, "<html>bad gateway</html>",
                "GET /1.0"));
        assertEquals(502, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("GET /1.0") && e.getMessage().contains("502"));
    }
}
