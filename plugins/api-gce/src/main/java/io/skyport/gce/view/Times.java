package io.skyport.gce.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** GCE's timestamps: RFC 3339 with milliseconds and an explicit offset. */
public final class Times {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String rfc3339(Instant t) {
        return t == null ? "" : RFC3339.format(t);
    }
}
