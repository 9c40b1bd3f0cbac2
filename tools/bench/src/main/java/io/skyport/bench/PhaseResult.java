package io.skyport.bench;

import java.util.Map;

/**
 * The outcome of one timed phase. Throughput counts only 200 answers, so a phase that fails
 * fast cannot look quick; every other answer or I/O failure is an error, counted by kind.
 * {@code sortedNanos} keeps every latency, so phases of one workload can be pooled exactly;
 * {@code sortedExchangeNanos} those of the single HTTP exchanges, which differ only for a
 * workload whose request follows several pages.
 */
record PhaseResult(int number, int round, String workload, boolean warmup, long ok, long errors, double seconds,
                   double p50Millis, double p90Millis, double p99Millis, double cpuMicrosPerRequest,
                   Map<String, Long> errorKinds, long[] sortedNanos, long[] sortedExchangeNanos) {

    double perSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    String progressLine() {
        return String.format("%s %-20s %9.0f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  %6.0f µs CPU/req  "
                        + "%8d ok  %d errors%s", warmup ? "warm-up " : String.format("phase %-2d", number), workload,
                perSecond(), p50Millis, p90Millis, p99Millis, cpuMicrosPerRequest, ok, errors,
                errors == 0 ? "" : " " + errorKinds);
    }
}
