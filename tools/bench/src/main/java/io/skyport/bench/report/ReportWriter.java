package io.skyport.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes docs/benchmarks-report.md from the runs of one {@code tools/bench/report}: when and on
 * what it was measured, every ratio with its target and verdict, the plots, then each run's own
 * report with the command that made it. Also the short table README shows.
 */
final class ReportWriter {
    static final String README_START = "<!-- benchmark-figures:start (tools/bench/report writes this) -->";
    static final String README_END = "<!-- benchmark-figures:end -->";

    private static final List<String[]> TITLES = List.of(
            new String[] {"native", "Native API vs /healthz"},
            new String[] {"compute", "Compute core: deploy throughput, latency, paging"},
            new String[] {"ec2", "EC2 API vs listVirtualMachines and an HTTP hop"},
            new String[] {"gce", "GCE API vs listVirtualMachines and an HTTP hop"},
            new String[] {"container", "Container lifecycle through the three APIs vs the daemons' APIs (Docker, LXD)"});

    private ReportWriter() {
    }

    static String title(String kind) {
        return TITLES.stream().filter(t -> t[0].equals(kind)).map(t -> t[1]).findFirst().orElse(kind);
    }

    /**
     * The summary's ratios: those of every run but the smaller sizes of a listing sweep, which
     * feed only the latency plot (the targets are set at the largest size).
     */
    static List<Ratio> ratios(List<BenchRun> runs) {
        List<Ratio> out = new ArrayList<>();
        for (BenchRun run : runs) {
            if (run.measured() && isLargest(run, runs)) {
                String name = title(run.kind()) + (run.vms() > 0 ? " (" + run.vms() + " VMs)" : "");
                out.addAll(Ratio.of(name, run));
            }
        }
        return out;
    }

    private static boolean isLargest(BenchRun run, List<BenchRun> runs) {
        return runs.stream().noneMatch(o -> o.kind().equals(run.kind()) && o.measured() && o.vms() > run.vms());
    }

    static String report(String date, String machine, List<BenchRun> runs, List<String> plotFiles) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("Written by `tools/bench/report` (reduced sizes: short phases, few rounds; the full-size runs "
                + "and what each benchmark does are in [benchmarks.md](benchmarks.md)).\n\n");
        md.append("- **Date**: ").append(date).append('\n');
        md.append("- **Machine**: ").append(machine).append("\n\n");
        md.append("## Ratios and targets\n\n");
        md.append("| benchmark | what | value | target | result |\n|---|---|---:|---|---|\n");
        for (Ratio r : ratios(runs)) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", esc(r.benchmark()), esc(r.what()),
                    esc(r.value()), esc(r.target()), esc(r.result())));
        }
        md.append('\n');
        List<BenchRun> notMeasured = runs.stream().filter(r -> !r.measured()).toList();
        for (BenchRun r : notMeasured) {
            md.append("- ").append(title(r.kind())).append(r.vms() > 0 ? " (" + r.vms() + " VMs)" : "")
                    .append(": ").append(r.status()).append('\n');
        }
        if (!notMeasured.isEmpty()) {
            md.append('\n');
        }
        if (!plotFiles.isEmpty()) {
            md.append("## Plots\n\n");
            for (String file : plotFiles) {
                md.append("![").append(file).append("](").append(file).append(")\n\n");
            }
        }
        md.append("## Runs\n\n");
        for (BenchRun r : runs) {
            md.append("### ").append(title(r.kind())).append(r.vms() > 0 ? ", " + r.vms() + " VMs" : "").append("\n\n");
            md.append("`").append(r.command()).append("`: ").append(r.status()).append(".\n\n");
            if (r.measured()) {
                md.append(demoteHeadings(r.markdown().strip())).append("\n\n");
            }
        }
        return md.toString();
    }

    /** README's table: the ratios with targets (those with a verdict), date and machine, a link. */
    static String readmeSection(String date, String machine, List<BenchRun> runs) {
        StringBuilder md = new StringBuilder(README_START).append('\n');
        md.append("Latest figures from `tools/bench/report`, ").append(date).append(", ").append(machine)
                .append(" (full report with plots: [docs/benchmarks-report.md](docs/benchmarks-report.md)):\n\n");
        md.append("| benchmark | what | value | target | result |\n|---|---|---:|---|---|\n");
        for (Ratio r : ratios(runs)) {
            if (!r.result().isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", esc(r.benchmark()),
                        esc(r.what()), esc(r.value()), esc(r.target()), esc(r.result())));
            }
        }
        return md.append(README_END).toString();
    }

    /** {@code readme} with the text between the markers replaced, or the section appended when absent. */
    static String updateReadme(String readme, String section) {
        int start = readme.indexOf(README_START);
        int end = readme.indexOf(README_END);
        if (start >= 0 && end > start) {
            return readme.substring(0, start) + section + readme.substring(end + README_END.length());
        }
        return readme.stripTrailing() + "\n\n## Benchmark figures\n\n" + section + "\n";
    }

    /**
     * A run's own headings sit under the report's "###" run heading: its highest level becomes
     * "####" and the others keep their distance to it, so no level is skipped (whether the run
     * starts at "##" or "###").
     */
    static String demoteHeadings(String md) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(#{1,6}) ").matcher(md);
        int top = 7;
        while (m.find()) {
            top = Math.min(top, m.group(1).length());
        }
        if (top == 7 || top >= 4) {
            return md;
        }
        return md.replaceAll("(?m)^(#{1,5}) ", "$1" + "#".repeat(4 - top) + " ");
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }
}
