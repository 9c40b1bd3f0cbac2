package io.skyport.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The last step of {@code tools/bench/report}: reads the manifest of the runs it made (one line
 * per run: kind, VMs, exit status, output file, command, note; tab-separated) and writes the
 * report, its PNG plots and README's figures.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
        description = "Writes the benchmark report from the outputs of tools/bench/report's runs")
public final class BenchReport implements Callable<Integer> {
    @Option(names = "--manifest", required = true, description = "the runs: kind, vms, exit, output file, command, note (TSV)")
    Path manifest;

    @Option(names = "--out", required = true, description = "the report to write (Markdown)")
    Path out;

    @Option(names = "--readme", description = "README to update between its benchmark-figures markers")
    Path readme;

    @Option(names = "--machine", description = "what it ran on (default: CPU model, cores, memory, Java, OS)")
    String machine;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new BenchReport()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<BenchRun> runs = readManifest(manifest);
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String on = machine != null ? machine : describeMachine();
        List<String> plots = writePlots(runs, out.toAbsolutePath().getParent());
        Files.writeString(out, ReportWriter.report(date, on, runs, plots));
        System.err.println("bench-report: wrote " + out + (plots.isEmpty() ? "" : " and " + String.join(", ", plots)));
        if (readme != null) {
            Files.writeString(readme, ReportWriter.updateReadme(Files.readString(readme),
                    ReportWriter.readmeSection(date, on, runs)));
        }
        return runs.stream().allMatch(BenchRun::measured) ? 0 : 1;
    }

    /** Writes the plots beside the report (under {@code benchmarks-report/}); returns their relative paths. */
    static List<String> writePlots(List<BenchRun> runs, Path dir) throws IOException {
        List<BenchRun> listing = runs.stream().filter(r -> r.kind().equals("ec2") || r.kind().equals("gce")).toList();
        List<String> written = new ArrayList<>();
        Path plotDir = dir.resolve("benchmarks-report");
        var series = Plots.latencyByVms(listing);
        if (!series.isEmpty()) {
            Files.createDirectories(plotDir);
            Plots.writeLatencyVsVms(series, plotDir.resolve("latency-vs-vms.png"));
            written.add("benchmarks-report/latency-vs-vms.png");
        }
        var baselines = Plots.proxyBaselines(listing);
        if (baselines.getRowCount() > 0) {
            Files.createDirectories(plotDir);
            Plots.writeProxyBaselines(baselines, plotDir.resolve("in-process-vs-http-hop.png"));
            written.add("benchmarks-report/in-process-vs-http-hop.png");
        }
        return written;
    }

    static List<BenchRun> readManifest(Path manifest) throws IOException {
        List<BenchRun> runs = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 5) {
                throw new IOException("manifest line without kind, vms, exit, output, command: " + line);
            }
            Path output = Path.of(f[3]);
            String markdown = Files.isRegularFile(output) ? Files.readString(output) : "";
            runs.add(new BenchRun(f[0], Integer.parseInt(f[1]), f[4], Integer.parseInt(f[2]), markdown,
                    f.length > 5 ? f[5] : ""));
        }
        return runs;
    }

    static String describeMachine() {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse(cpu);
            } catch (IOException e) {
                // keep "unknown CPU": the report is still worth writing
            }
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memMib = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024 * 1024) : -1;
        return String.format(Locale.ROOT, "%s, %d cores, %s MiB memory, Java %s, %s %s; load average %.1f at the end",
                cpu, Runtime.getRuntime().availableProcessors(), memMib < 0 ? "?" : Long.toString(memMib),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                os.getSystemLoadAverage());
    }
}
