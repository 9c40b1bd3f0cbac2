package io.skyport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The EC2 benchmark's Markdown: every phase, each workload pooled over its rounds, and the two
 * cost ratios with their targets. A ratio compares median latencies; the throughput ratio
 * beside it is the cross-check (the load is closed-loop, so both move together), and the CPU
 * ratio (CPU time of the JVM per request) the one least moved by other load on the machine.
 */
final class Ec2Report {
    static final String NATIVE_JSON = "listVirtualMachines json";
    static final String NATIVE_XML = "listVirtualMachines xml";
    static final String EC2 = "DescribeInstances";
    static final String BASELINE = "HTTP-hop baseline";

    static final double EC2_TARGET = 1.3;
    static final double BASELINE_TARGET = 3.0;

    private final String setup;
    private final List<PhaseResult> phases;
    private final List<String> notes;

    Ec2Report(String setup, List<PhaseResult> phases, List<String> notes) {
        this.setup = setup;
        this.phases = phases;
        this.notes = notes;
    }

    private boolean measured(String workload) {
        return phases.stream().anyMatch(p -> p.workload().equals(workload));
    }

    private List<PhaseResult> of(String workload) {
        return phases.stream().filter(p -> p.workload().equals(workload)).toList();
    }

    /** All latencies of a workload's phases, sorted. */
    private long[] pooled(String workload) {
        List<long[]> parts = of(workload).stream().map(PhaseResult::sortedNanos).toList();
        long[] all = new long[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        java.util.Arrays.sort(all);
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

    /** CPU time of the whole JVM per request, over all of a workload's phases. */
    double cpuMicros(String workload) {
        List<PhaseResult> ps = of(workload);
        long requests = ps.stream().mapToLong(p -> p.sortedNanos().length).sum();
        return requests == 0 ? 0 : ps.stream().mapToDouble(p -> p.cpuMicrosPerRequest() * p.sortedNanos().length)
                .sum() / requests;
    }

    long errors() {
        return phases.stream().mapToLong(PhaseResult::errors).sum();
    }

    /** Median latency of {@code slower} over that of {@code faster}. */
    double costRatio(String slower, String faster) {
        double base = median(faster);
        return base == 0 ? 0 : median(slower) / base;
    }

    private double throughputRatio(String slower, String faster) {
        double s = perSecond(slower);
        return s == 0 ? 0 : perSecond(faster) / s;
    }

    private double cpuRatio(String slower, String faster) {
        double base = cpuMicros(faster);
        return base == 0 ? 0 : cpuMicros(slower) / base;
    }

    private List<Double> costRatioPerRound(String slower, String faster) {
        List<Double> out = new ArrayList<>();
        for (int r = 1; r <= phases.stream().mapToInt(PhaseResult::round).max().orElse(0); r++) {
            int round = r;
            double a = phases.stream().filter(p -> p.round() == round && p.workload().equals(slower))
                    .mapToDouble(PhaseResult::p50Millis).findFirst().orElse(0);
            double b = phases.stream().filter(p -> p.round() == round && p.workload().equals(faster))
                    .mapToDouble(PhaseResult::p50Millis).findFirst().orElse(0);
            out.add(b == 0 ? 0 : a / b);
        }
        return out;
    }

    boolean ec2Passed() {
        return measured(EC2) && errors() == 0 && costRatio(EC2, NATIVE_JSON) <= EC2_TARGET;
    }

    boolean baselinePassed() {
        return measured(EC2) && errors() == 0 && costRatio(BASELINE, EC2) >= BASELINE_TARGET;
    }

    String render() {
        StringBuilder md = new StringBuilder("## EC2 DescribeInstances against listVirtualMachines and an HTTP-hop "
                + "translator\n\n").append(setup).append("\n\n");
        md.append("| phase | workload | req/s | p50 ms | p90 ms | p99 ms | CPU µs/req | ok | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult p : phases) {
            md.append(fmt("| %d | %s | %.1f | %.2f | %.2f | %.2f | %.0f | %d | %d |%n", p.number(), p.workload(),
                    p.perSecond(), p.p50Millis(), p.p90Millis(), p.p99Millis(), p.cpuMicrosPerRequest(), p.ok(),
                    p.errors()));
        }
        md.append("\nAll rounds pooled:\n\n| workload | req/s | p50 ms | p90 ms | p99 ms | CPU µs/req | requests |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String w : List.of(NATIVE_JSON, NATIVE_XML, EC2, BASELINE)) {
            if (measured(w)) {
                long[] all = pooled(w);
                md.append(fmt("| %s | %.1f | %.2f | %.2f | %.2f | %.0f | %d |%n", w, perSecond(w),
                        LatencyLog.percentileMillis(all, 50), LatencyLog.percentileMillis(all, 90),
                        LatencyLog.percentileMillis(all, 99), cpuMicros(w), all.length));
            }
        }
        md.append("\n| ratio | median latency ratio | per round | throughput ratio | CPU ratio | target | result |\n");
        md.append("|---|---:|---|---:|---:|---:|---|\n");
        if (measured(EC2)) {
            ratioRow(md, "DescribeInstances / listVirtualMachines json", EC2, NATIVE_JSON, "≤ 1.3", ec2Passed());
            ratioRow(md, "HTTP-hop baseline / DescribeInstances", BASELINE, EC2, "≥ 3", baselinePassed());
        } else {
            md.append("| DescribeInstances / listVirtualMachines json | – | – | – | – | ≤ 1.3 | not measured |\n");
            md.append("| HTTP-hop baseline / DescribeInstances | – | – | – | – | ≥ 3 | not measured |\n");
        }
        ratioRow(md, "listVirtualMachines xml / json", NATIVE_XML, NATIVE_JSON, "", true);
        ratioRow(md, "HTTP-hop baseline / listVirtualMachines json", BASELINE, NATIVE_JSON, "", true);
        md.append('\n');
        for (String n : notes) {
            md.append(n).append('\n');
        }
        md.append(errors() == 0 ? "No errors: every request was answered 200.\n"
                : "**This run had " + errors() + " errors** (non-200 answers or I/O failures); the ratios are not "
                + "meaningful.\n");
        return md.toString();
    }

    private void ratioRow(StringBuilder md, String label, String slower, String faster, String target, boolean ok) {
        String perRound = costRatioPerRound(slower, faster).stream().map(r -> fmt("%.2f", r))
                .collect(Collectors.joining(", "));
        md.append(fmt("| %s | **%.2f** | %s | %.2f | %.2f | %s | %s |%n", label, costRatio(slower, faster), perRound,
                throughputRatio(slower, faster), cpuRatio(slower, faster), target,
                target.isEmpty() ? "" : ok ? "PASS" : "MISSED"));
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
