package io.skyport.bench;

import java.util.Map;

/** Phase results made up for the report tests. */
final class SyntheticPhases {
    private SyntheticPhases() {
    }

    /**
     * 101 requests around {@code medianMillis} (from 0.5× to 1.5× of it); phase length and CPU per
     * request grow with the median, as they do for one client. Each request is one HTTP exchange.
     */
    static PhaseResult phase(int round, String workload, double medianMillis, long errors) {
        return phase(round, workload, medianMillis, errors, 1);
    }

    /** Like {@link #phase(int, String, double, long)}, each request made of {@code pages} equal exchanges. */
    static PhaseResult phase(int round, String workload, double medianMillis, long errors, int pages) {
        long[] nanos = new long[101];
        long[] exchanges = new long[nanos.length * pages];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = Math.round(medianMillis * 1e6 * (0.5 + i / 100.0));
            for (int p = 0; p < pages; p++) {
                exchanges[i * pages + p] = nanos[i] / pages;
            }
        }
        return new PhaseResult(round, round, workload, false, nanos.length - errors, errors, medianMillis / 10,
                medianMillis, medianMillis * 1.4, medianMillis * 1.49, medianMillis * 100,
                errors == 0 ? Map.of() : Map.of("HTTP 500", errors), nanos, exchanges);
    }
}
