package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;

public class LxcDriverTest {
    @Test
    public void cpuSpeedIsTheFirstReportedClockElseTheFallback() {
        assertEquals(2600, LxcDriver.reportedSpeed(JsonParser.parseString("{\"total\":2,\"sockets\":[{\"frequency\":0},"
                + "{\"frequency\":2600}]}").getAsJsonObject()));
        assertEquals("a VM's CPUs often report no clock", 2000, LxcDriver.reportedSpeed(JsonParser.parseString(
                "{\"total\":2,\"sockets\":[{\"name\":\"Intel(R) Xeon(R) Processor\"}]}").getAsJsonObject()));
    }

    @Test
    public void consoleKeepsTheEndOfALongLog() {
        byte[] log = new byte[LxcDriver.CONSOLE_BYTES + 10];
        Arrays.fill(log, (byte) 'a');
        log[log.length - 1] = 'z';
        String tail = LxcDriver.tail(log);
        assertEquals(LxcDriver.CONSOLE_BYTES, tail.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(tail.endsWith("z"));
    }
}
