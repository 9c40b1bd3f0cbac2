package io.skyport.core.ui;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls per operation of one API since the server started (all users), from the request timers
 * every endpoint records ({@code skyport.api.requests}, tags api, command, outcome): what the
 * API panels show.
 */
public final class ApiCallCounts {
    private ApiCallCounts() {
    }

    /** Rows {@code name, calls, errors}, by operation name. */
    public static List<Map<String, Object>> of(MeterRegistry metrics, String api) {
        Map<String, long[]> byOperation = new TreeMap<>();
        for (Timer t : metrics.find("skyport.api.requests").tag("api", api).timers()) {
            long[] c = byOperation.computeIfAbsent(t.getId().getTag("command"), k -> new long[2]);
            c["success".equals(t.getId().getTag("outcome")) ? 0 : 1] += t.count();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byOperation.forEach((op, c) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", op);
            row.put("calls", c[0] + c[1]);
            row.put("errors", c[1]);
            out.add(row);
        });
        return out;
    }
}
