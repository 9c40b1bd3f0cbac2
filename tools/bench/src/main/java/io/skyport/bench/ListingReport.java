package io.skyport.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The figures and tables the listing benchmarks' reports share: every phase, each workload
 * pooled over its rounds, and cost ratios between two workloads. A ratio compares median
 * latencies; the throughput ratio beside it is the cross-check (the load is closed-loop, so both
 * move together), and the CPU ratio (CPU time of the JVM per request) the one least moved by
 * other load on the machine.
 */
abstract class ListingReport {
    final String setup;
    final List<PhaseResult> phases;
    final List<String> notes;

    ListingReport(String setup, List<PhaseResult> phases, List<String> notes) {
        this.setup = setup;
        this.phases = phases;
        this.notes = notes;
    }

    boolean measured(String workload) {
        return phases.stream().anyMatch(p -> p.workload().equals(workload));
    }

    private List<PhaseResult> of(String workload) {
        return phases.stream().filter(p -> p.workload().equals(workload)).toList();
    }

    /** All latencies of a workload's phases, sorted. */
    long[] pooled(String workload) {
        return pool(of(workload).stream().map(PhaseResult::sortedNanos).toList());
    }

    /** All latencies of the single HTTP exchanges of a workload's phases, sorted. */
    long[] pooledExchanges(String workload) {
        return pool(of(workload).stream().map(PhaseResult::sortedExchangeNanos).toList());
    }

    private static long[] pool(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return all;
    }

    double median(String workload) {
        return LatencyLog.percentileMillis(pooled(workload), 50);
    }

    double perSecond(String workload) {
        List<PhaseResult> ps = of(workload);
        double seconds = ps.stream().mapToDouble(PhaseResult::seconds).sum();
        return seconds == 0 ? 0 : ps.stream().mapToLong(PhaseResult::ok).sum() / seconds;
    }

    /** HTTP exchanges per second of a workload, over all its phases. */
    double exchangesPerSecond(String workload) {
        List<PhaseResult> ps = of(workload);
        double seconds = ps.stream().mapToDouble(PhaseResult::seconds).sum();
        return seconds == 0 ? 0 : ps.stream().mapToLong(p -> p.sortedExchangeNanos().length).sum() / seconds;
    }

    /** CPU time of the whole JVM per request, over all of a workload's phases. */
    double cpuMicros(String workload) {
        List<PhaseResult> ps = of(workload);
        long requests = ps.stream().mapToLong(p -> p.sortedNanos().length).sum();
        return requests == 0 ? 0 : cpuMicrosTotal(ps) / requests;
    }

    /** CPU time of the whole JVM per HTTP exchange, over all of a workload's phases. */
    double cpuMicrosPerExchange(String workload) {
        List<PhaseResult> ps = of(workload);
        long exchanges = ps.stream().mapToLong(p -> p.sortedExchangeNanos().length).sum();
        return exchanges == 0 ? 0 : cpuMicrosTotal(ps) / exchanges;
    }

    private static double cpuMicrosTotal(List<PhaseResult> ps) {
        return ps.stream().mapToDouble(p -> p.cpuMicrosPerRequest() * p.sortedNanos().length).sum();
    }

    long errors() {
        return phases.stream().mapToLong(PhaseResult::errors).sum();
    }

    /** Median latency of {@code slower} over that of {@code faster}. */
    double costRatio(String slower, String faster) {
        double base = median(faster);
        return base == 0 ? 0 : median(slower) / base;
    }

    double throughputRatio(String slower, String faster) {
        double s = perSecond(slower);
        return s == 0 ? 0 : perSecond(faster) / s;
    }

    double cpuRatio(String slower, String faster) {
        double base = cpuMicros(faster);
        return base == 0 ? 0 : cpuMicros(slower) / base;
    }

    List<Double> costRatioPerRound(String slower, String faster) {
        List<Double> out = new ArrayList<>();
        for (int round = 1; round <= rounds(); round++) {
            double b = p50InRound(faster, round, false);
            out.add(b == 0 ? 0 : p50InRound(slower, round, false) / b);
        }
        return out;
    }

    private int rounds() {
        return phases.stream().mapToInt(PhaseResult::round).max().orElse(0);
    }

    /** The median latency of a workload's phase in one round: of its requests, or of its single exchanges. */
    private double p50InRound(String workload, int round, boolean exchanges) {
        return phases.stream().filter(p -> p.round() == round && p.workload().equals(workload))
                .mapToDouble(p -> exchanges ? LatencyLog.percentileMillis(p.sortedExchangeNanos(), 50) : p.p50Millis())
                .findFirst().orElse(0);
    }

    /** The heading, the setup paragraph and one row per phase. */
    void phaseTable(StringBuilder md, String heading) {
        md.append("## ").append(heading).append("\n\n").append(setup).append("\n\n");
        md.append("| phase | workload | req/s | p50 ms | p90 ms | p99 ms | CPU µs/req | ok | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult p : phases) {
            md.append(fmt("| %d | %s | %.1f | %.2f | %.2f | %.2f | %.0f | %d | %d |%n", p.number(), p.workload(),
                    p.perSecond(), p.p50Millis(), p.p90Millis(), p.p99Millis(), p.cpuMicrosPerRequest(), p.ok(),
                    p.errors()));
        }
    }

    /** One row per measured workload, all its rounds pooled; the table stays open for more rows. */
    void pooledTable(StringBuilder md, List<String> workloads) {
        md.append("\nAll rounds pooled:\n\n| workload | req/s | p50 ms | p90 ms | p99 ms | CPU µs/req | requests |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String w : workloads) {
            if (measured(w)) {
                pooledRow(md, w, perSecond(w), pooled(w), cpuMicros(w));
            }
        }
    }

    void pooledRow(StringBuilder md, String label, double perSecond, long[] sortedNanos, double cpuMicros) {
        md.append(fmt("| %s | %.1f | %.2f | %.2f | %.2f | %.0f | %d |%n", label, perSecond,
                LatencyLog.percentileMillis(sortedNanos, 50), LatencyLog.percentileMillis(sortedNanos, 90),
                LatencyLog.percentileMillis(sortedNanos, 99), cpuMicros, sortedNanos.length));
    }

    void ratioHeader(StringBuilder md) {
        md.append("\n| ratio | median latency ratio | per round | throughput ratio | CPU ratio | target | result |\n");
        md.append("|---|---:|---|---:|---:|---:|---|\n");
    }

    void ratioRow(StringBuilder md, String label, String slower, String faster, String target, boolean ok) {
        String perRound = costRatioPerRound(slower, faster).stream().map(r -> fmt("%.2f", r))
                .collect(Collectors.joining(", "));
        md.append(fmt("| %s | **%.2f** | %s | %.2f | %.2f | %s | %s |%n", label, costRatio(slower, faster), perRound,
                throughputRatio(slower, faster), cpuRatio(slower, faster), target,
                target.isEmpty() ? "" : ok ? "PASS" : "MISSED"));
    }

    /**
     * A ratio for information between one HTTP exchange of {@code slower} (one page of a paged
     * listing) and one request of {@code faster}.
     */
    void perExchangeRatioRow(StringBuilder md, String label, String slower, String faster) {
        List<String> perRound = new ArrayList<>();
        for (int round = 1; round <= rounds(); round++) {
            double b = p50InRound(faster, round, false);
            perRound.add(fmt("%.2f", b == 0 ? 0 : p50InRound(slower, round, true) / b));
        }
        double median = median(faster);
        double exchanges = exchangesPerSecond(slower);
        double cpu = cpuMicros(faster);
        md.append(fmt("| %s | **%.2f** | %s | %.2f | %.2f |  |  |%n", label,
                median == 0 ? 0 : LatencyLog.percentileMillis(pooledExchanges(slower), 50) / median,
                String.join(", ", perRound), exchanges == 0 ? 0 : perSecond(faster) / exchanges,
                cpu == 0 ? 0 : cpuMicrosPerExchange(slower) / cpu));
    }

    /** The notes, then whether every request was answered. */
    void closing(StringBuilder md) {
        md.append('\n');
        for (String n : notes) {
            md.append(n).append('\n');
        }
        md.append(errors() == 0 ? "No errors: every request was answered 200.\n"
                : "**This run had " + errors() + " errors** (non-200 answers or I/O failures); the ratios are not "
                + "meaningful.\n");
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
