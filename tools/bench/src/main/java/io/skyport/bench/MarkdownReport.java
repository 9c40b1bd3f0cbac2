package io.skyport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The result as a small Markdown document: setup, one row per phase, one verdict per command. */
final class MarkdownReport {
    private final String setup;
    private final List<PhaseResult> phases;
    private final List<String> commands;
    private final double target;

    MarkdownReport(String setup, List<PhaseResult> phases, List<String> commands, double target) {
        this.setup = setup;
        this.phases = phases;
        this.commands = commands;
        this.target = target;
    }

    static final String HEALTHZ = "/healthz";

    double meanPerSecond(String workload) {
        return phases.stream().filter(p -> p.workload().equals(workload)).mapToDouble(PhaseResult::perSecond)
                .average().orElse(0);
    }

    long errors(String workload) {
        return phases.stream().filter(p -> p.workload().equals(workload)).mapToLong(PhaseResult::errors).sum();
    }

    /** Ratio within each round: shows whether the JVM was still warming up or the machine was busy. */
    List<Double> ratioPerRound(String command) {
        List<Double> out = new ArrayList<>();
        int rounds = phases.stream().mapToInt(PhaseResult::round).max().orElse(0);
        for (int r = 1; r <= rounds; r++) {
            double base = perSecond(HEALTHZ, r);
            out.add(base == 0 ? 0 : perSecond(command, r) / base);
        }
        return out;
    }

    private double perSecond(String workload, int round) {
        return phases.stream().filter(p -> p.round() == round && p.workload().equals(workload))
                .mapToDouble(PhaseResult::perSecond).sum();
    }

    double ratio(String command) {
        double base = meanPerSecond(HEALTHZ);
        return base == 0 ? 0 : meanPerSecond(command) / base;
    }

    /** A command passes when its ratio reaches the target and neither it nor /healthz had errors. */
    boolean passed(String command) {
        return ratio(command) >= target && errors(command) == 0 && errors(HEALTHZ) == 0;
    }

    boolean allPassed() {
        return commands.stream().allMatch(this::passed);
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("## Signed native API throughput relative to /healthz\n\n").append(setup).append("\n\n");
        md.append("| phase | workload | req/s | p50 ms | p99 ms | CPU µs/req | ok | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult p : phases) {
            md.append(fmt("| %d | %s | %.0f | %.2f | %.2f | %.0f | %d | %d |%n", p.number(), code(p.workload()),
                    p.perSecond(), p.p50Millis(), p.p99Millis(), p.cpuMicrosPerRequest(), p.ok(), p.errors()));
        }
        md.append("\n| command | mean req/s | mean /healthz req/s | ratio | ratio per round | target | result |\n");
        md.append("|---|---:|---:|---:|---|---:|---|\n");
        for (String c : commands) {
            String perRound = ratioPerRound(c).stream().map(r -> fmt("%.2f", r))
                    .collect(Collectors.joining(", "));
            md.append(fmt("| %s | %.0f | %.0f | **%.3f** | %s | ≥ %.2f | %s |%n", code(c), meanPerSecond(c),
                    meanPerSecond(HEALTHZ), ratio(c), perRound, target, passed(c) ? "PASS" : "FAIL"));
        }
        md.append('\n').append(errorSummary()).append('\n');
        return md.toString();
    }

    private String errorSummary() {
        Map<String, Long> kinds = new TreeMap<>();
        long total = 0;
        for (PhaseResult p : phases) {
            total += p.errors();
            p.errorKinds().forEach((k, v) -> kinds.merge(p.workload() + ": " + k, v, Long::sum));
        }
        if (total == 0) {
            return "No errors: every request was answered 200.";
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, v) -> parts.add(k + " × " + v));
        return "**This run had " + total + " errors** (non-200 answers or I/O failures; the ratio is not "
                + "meaningful): " + String.join(", ", parts) + ".";
    }

    private static String code(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
