package io.skyport.container;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of a container host: its URL's query, overridden by the host's details (keys are
 * case-insensitive), as simulator hosts carry theirs. Each driver's endpoint reads its own keys.
 */
public final class HostOptions {
    private final Map<String, String> values;

    private HostOptions(Map<String, String> values) {
        this.values = values;
    }

    public static HostOptions of(URI url, Map<String, String> details) {
        Map<String, String> out = new HashMap<>();
        String raw = url.getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    out.put(decode(kv.substring(0, i)).toLowerCase(Locale.ROOT), decode(kv.substring(i + 1)));
                }
            }
        }
        if (details != null) {
            details.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return new HostOptions(out);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The option's value trimmed, or null when it is absent or blank. */
    public String text(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Whether the host bridges the zone's guest network ({@code networking=bridge}): the driver makes
     * the network's Linux bridge on this machine, plugs every instance in with the address the core
     * allocated and enforces security groups with nftables. Anything else but {@code none} is refused.
     */
    public boolean bridged() {
        String v = text("networking", "none").toLowerCase(Locale.ROOT);
        if (!v.equals("bridge") && !v.equals("none")) {
            throw new IllegalArgumentException("networking is bridge or none, not " + v);
        }
        return v.equals("bridge");
    }

    public String text(String key, String def) {
        String v = text(key);
        return v == null ? def : v;
    }

    /** A positive whole number, or {@code def} when the option is absent; anything else is refused. */
    public int positive(String key, int def) {
        String v = text(key);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive whole number, not " + v);
        }
    }
}
