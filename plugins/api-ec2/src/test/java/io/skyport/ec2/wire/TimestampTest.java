package io.skyport.ec2.wire;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.Test;

/** The hand-written timestamp writer agrees with the JDK's formatter everywhere it is used. */
public class TimestampTest {
    private static final DateTimeFormatter JDK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static String written(Instant t) {
        StringBuilder sb = new StringBuilder();
        XmlWriter.timestamp(sb, t);
        return sb.toString();
    }

    @Test
    public void matchesTheJdkFormatter() {
        assertEquals("1970-01-01T00:00:00.000Z", written(Instant.EPOCH));
        assertEquals("2026-11-25T09:05:07.009Z", written(Instant.parse("2026-11-25T09:05:07.009123Z")));
        assertEquals("2024-02-29T23:59:59.999Z", written(Instant.parse("2024-02-29T23:59:59.999999999Z")));
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextInt(Integer.MAX_VALUE) * 2L, r.nextInt(1_000_000_000));
            assertEquals(JDK.format(t), written(t));
        }
    }
}
