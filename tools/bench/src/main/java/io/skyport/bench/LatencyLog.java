package io.skyport.bench;

import java.util.Arrays;

/**
 * Latencies of one worker in nanoseconds. A plain growable array: a phase of a few seconds holds
 * at most a few hundred thousand entries, and keeping them all gives exact percentiles.
 */
final class LatencyLog {
    private long[] values = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** All entries of the given logs, sorted. */
    static long[] sortedUnion(Iterable<LatencyLog> logs) {
        int total = 0;
        for (LatencyLog l : logs) {
            total += l.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog l : logs) {
            System.arraycopy(l.values, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of sorted values, in milliseconds; 0 when there are none. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
