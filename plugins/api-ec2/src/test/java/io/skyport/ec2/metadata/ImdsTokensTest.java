package io.skyport.ec2.metadata;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.Test;

public class ImdsTokensTest {
    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private long millis = 1_700_000_000_000L;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }

    private final Hand clock = new Hand();
    private final ImdsTokens tokens = new ImdsTokens(new byte[32], clock);

    @Test
    public void ttlMustBeOneToSixHours() {
        assertEquals(OptionalLong.of(1), ImdsTokens.ttl("1"));
        assertEquals(OptionalLong.of(21600), ImdsTokens.ttl("21600"));
        assertEquals(OptionalLong.of(60), ImdsTokens.ttl(" 60 "));
        for (String bad : new String[] {null, "", "0", "21601", "-1", "1.5", "sixty", "99999999999"}) {
            assertEquals(String.valueOf(bad), OptionalLong.empty(), ImdsTokens.ttl(bad));
        }
    }

    @Test
    public void aTokenIsValidForItsInstanceUntilItExpires() {
        String t = tokens.issue(42, 10);
        assertTrue(tokens.valid(t, 42));
        assertFalse("issued to another instance", tokens.valid(t, 43));
        clock.millis += 9_999;
        assertTrue(tokens.valid(t, 42));
        clock.millis += 1;
        assertFalse("expired", tokens.valid(t, 42));
    }

    @Test
    public void forgedOrForeignTokensAreInvalid() {
        String t = tokens.issue(7, 100);
        assertFalse(tokens.valid(null, 7));
        assertFalse(tokens.valid("", 7));
        assertFalse(tokens.valid("no-dot", 7));
        assertFalse(tokens.valid("!!!.???", 7));
        String payload = t.substring(0, t.indexOf('.'));
        String sig = t.substring(t.indexOf('.') + 1);
        // another payload (a longer expiry) under the same signature
        String other = tokens.issue(7, 200);
        assertFalse(tokens.valid(other.substring(0, other.indexOf('.')) + "." + sig, 7));
        assertFalse(tokens.valid(payload + "." + sig.substring(1), 7));
        // the same token from a server with another key
        ImdsTokens otherServer = new ImdsTokens(new byte[] {1, 2, 3}, clock);
        assertFalse(otherServer.valid(t, 7));
        assertTrue(tokens.valid(t, 7));
    }
}
