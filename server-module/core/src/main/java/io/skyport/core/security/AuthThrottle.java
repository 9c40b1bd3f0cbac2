package io.skyport.core.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.settings.CoreSettings;
import io.skyport.plugin.SettingReader;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Blocks an API key (or user name) and a source address for a cool-down once they have failed
 * authentication too often within a window, for every API. While blocked, requests are refused
 * before their credentials are checked: answering "right" or "wrong" during the block would let
 * a guesser go on. Only failures count, so a client that authenticates correctly is never
 * slowed unless its key or address is already blocked.
 *
 * <p>State is per management server (in memory): a cluster of n nodes allows at most n times the
 * limit, which still makes guessing a secret hopeless; nothing has to be written per failure.
 */
public class AuthThrottle {
    private static final Logger LOG = LogManager.getLogger(AuthThrottle.class);
    /** Upper bound of tracked keys and addresses; beyond it, expired entries are dropped. */
    private static final int MAX_TRACKED = 100_000;

    private final SettingReader settings;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Failures counted since {@code windowStart}; {@code blockedUntil} is 0 when not blocked. */
    private static final class Entry {
        long windowStart;
        int failures;
        long blockedUntil;
    }

    /**
     * @param enabled false switches throttling off for this server altogether (configuration
     *                {@code skyport.auth.throttle=off}, e.g. for a load driver behind one address)
     */
    public AuthThrottle(SettingReader settings, MeterRegistry metrics, Clock clock, boolean enabled) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Whether a request with this key (null when it carries none) from this address must be
     * refused now. Counts the refusal in {@code skyport.auth.throttled}.
     */
    public boolean refuse(String api, String key, String address) {
        if (!active()) {
            return false;
        }
        long now = clock.millis();
        boolean blocked = blockedAt(id("key", key), now) || blockedAt(id("addr", address), now);
        if (blocked) {
            Counter.builder("skyport.auth.throttled").description("Requests refused because their key or source "
                    + "address failed authentication too often").tag("api", api).register(metrics).increment();
        }
        return blocked;
    }

    /** Records a failed authentication of this key (null when unknown) from this address. */
    public void failed(String api, String key, String address) {
        if (!active()) {
            return;
        }
        long now = clock.millis();
        count(api, id("key", key), now);
        count(api, id("addr", address), now);
    }

    /** Forgets every count and block (all keys and addresses), e.g. after the limits were changed. */
    public void reset() {
        entries.clear();
    }

    private boolean active() {
        return enabled && settings.get(CoreSettings.AUTH_THROTTLE_FAILURES) > 0;
    }

    private boolean blockedAt(String id, long now) {
        if (id == null) {
            return false;
        }
        Entry e = entries.get(id);
        if (e == null) {
            return false;
        }
        synchronized (e) {
            return e.blockedUntil > now;
        }
    }

    private void count(String api, String id, long now) {
        if (id == null) {
            return;
        }
        if (entries.size() >= MAX_TRACKED) {
            prune(now);
        }
        long window = settings.get(CoreSettings.AUTH_THROTTLE_WINDOW) * 1000L;
        int limit = settings.get(CoreSettings.AUTH_THROTTLE_FAILURES);
        Entry e = entries.computeIfAbsent(id, k -> new Entry());
        synchronized (e) {
            if (e.blockedUntil > now) {
                return;
            }
            if (now - e.windowStart > window) {
                e.windowStart = now;
                e.failures = 0;
            }
            e.failures++;
            if (e.failures >= limit) {
                e.blockedUntil = now + settings.get(CoreSettings.AUTH_THROTTLE_BLOCK) * 1000L;
                e.failures = 0;
                e.windowStart = now;
                // the id names a key or an address, never a secret; keys are truncated all the same
                LOG.warn("{} API: {} blocked for {} s after {} failed authentications", api, shown(id),
                        settings.get(CoreSettings.AUTH_THROTTLE_BLOCK), limit);
            }
        }
    }

    private void prune(long now) {
        long window = settings.get(CoreSettings.AUTH_THROTTLE_WINDOW) * 1000L;
        entries.entrySet().removeIf(en -> {
            Entry e = en.getValue();
            synchronized (e) {
                return e.blockedUntil <= now && now - e.windowStart > window;
            }
        });
    }

    private static String id(String kind, String value) {
        return value == null || value.isEmpty() ? null : kind + ":" + value;
    }

    private static String shown(String id) {
        return id.length() > 24 ? id.substring(0, 24) + "…" : id;
    }
}
