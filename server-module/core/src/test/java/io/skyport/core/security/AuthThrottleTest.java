package io.skyport.core.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.settings.CoreSettings;
import io.skyport.plugin.Setting;
import io.skyport.plugin.SettingReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

public class AuthThrottleTest {
    private final Map<String, Integer> values = new HashMap<>(Map.of("api.auth.throttle.failures", 3,
            "api.auth.throttle.window.seconds", 60, "api.auth.throttle.block.seconds", 300));
    private final SettingReader settings = new SettingReader() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Setting<T> s) {
            return (T) values.getOrDefault(s.name(), Integer.valueOf(s.defaultValue()));
        }

        @Override
        public <T> T get(Setting<T> s, Setting.Scope scope, long id) {
            return get(s);
        }
    };
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AuthThrottle throttle = new AuthThrottle(settings, metrics, clock, true);

    @Test
    public void keyIsBlockedAtTheLimitAndFreedAfterTheCoolDown() {
        throttle.failed("native", "k1", "198.18.0.1");
        throttle.failed("native", "k1", "198.18.0.2");
        assertFalse(throttle.refuse("native", "k1", "198.18.0.3"));
        throttle.failed("native", "k1", "198.18.0.3");
        assertTrue(throttle.refuse("native", "k1", "198.18.0.9"));
        assertFalse("another key from another address is not affected", throttle.refuse("native", "k2", "198.18.0.9"));
        now = now.plus(Duration.ofSeconds(301));
        assertFalse(throttle.refuse("native", "k1", "198.18.0.9"));
        assertEquals(1.0, metrics.find("skyport.auth.throttled").tag("api", "native").counter().count(), 0.0);
    }

    @Test
    public void addressIsBlockedWhateverKeysItTries() {
        throttle.failed("ec2", "a", "198.18.0.5");
        throttle.failed("ec2", "b", "198.18.0.5");
        throttle.failed("ec2", null, "198.18.0.5");
        assertTrue(throttle.refuse("ec2", "fresh", "198.18.0.5"));
        assertTrue(throttle.refuse("ec2", null, "198.18.0.5"));
        assertFalse(throttle.refuse("ec2", "a", "198.18.0.6"));
    }

    @Test
    public void failuresInDifferentWindowsDoNotAddUp() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("gce", "k", "198.18.0.7");
            throttle.failed("gce", "k", "198.18.0.7");
            now = now.plus(Duration.ofSeconds(61));
        }
        assertFalse(throttle.refuse("gce", "k", "198.18.0.7"));
    }

    @Test
    public void zeroFailuresOrConfigurationOffDisablesIt() {
        values.put(CoreSettings.AUTH_THROTTLE_FAILURES.name(), 0);
        for (int i = 0; i < 10; i++) {
            throttle.failed("native", "k", "198.18.0.8");
        }
        assertFalse(throttle.refuse("native", "k", "198.18.0.8"));
        values.put(CoreSettings.AUTH_THROTTLE_FAILURES.name(), 1);
        AuthThrottle off = new AuthThrottle(settings, metrics, clock, false);
        off.failed("native", "k", "198.18.0.8");
        assertFalse(off.refuse("native", "k", "198.18.0.8"));
    }
}
