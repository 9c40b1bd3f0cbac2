package io.skyport.api.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** CloudStack's timestamp format: {@code 2026-11-25T04:47:34+0000}. */
public final class Dates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String format(Instant t) {
        return t == null ? null : FORMAT.format(t);
    }
}
