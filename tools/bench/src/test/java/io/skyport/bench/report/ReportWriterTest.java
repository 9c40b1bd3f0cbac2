package io.skyport.bench.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report reads the ratios back from the benchmarks' own Markdown (shapes as they print them),
 * writes them with targets and verdicts, draws the plots from the pooled latencies, and keeps
 * README's section between its markers.
 */
public class ReportWriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final String NATIVE = """
            | phase | workload | req/s | p50 ms | p99 ms | CPU µs/req | ok | errors |
            |---:|---|---:|---:|---:|---:|---:|---:|
            | 1 | `/healthz` | 2213 | 2.92 | 14.96 | 794 | 22143 | 0 |

            | command | mean req/s | mean /healthz req/s | ratio | ratio per round | target | result |
            |---|---:|---:|---:|---|---:|---|
            | `listAccounts` | 1146 | 3284 | **0.349** | 0.41, 0.32 | ≥ 0.30 | PASS |
            """;

    static final String COMPUTE = """
            | measure | value | target |
            |---|---|---|
            | deploy throughput, 1000 VMs, 16 clients | 87.2 VMs/s | >= 100 VMs/s |
            | listVirtualMachines page (pagesize 20) at 1000 VMs | 3.78 ms | |
            | page cost ratio 20000 / 1000 VMs | 0.65 | <= 1.5 |
            """;

    static String listing(String inProcess, double nativeMs, double apiMs, double hopMs) {
        return String.format(java.util.Locale.ROOT, """
                ### Pooled

                | workload | req/s | p50 ms | p90 ms | p99 ms | CPU µs/req | requests |
                |---|---:|---:|---:|---:|---:|---:|
                | listVirtualMachines json | 22.5 | %.2f | 302.93 | 520.36 | 33681 | 690 |
                | %s | 36.1 | %.2f | 196.99 | 341.08 | 26232 | 1096 |
                | %s, one page | 70.1 | 1.00 | 196.99 | 341.08 | 26232 | 1096 |
                | HTTP-hop baseline | 13.9 | %.2f | 463.21 | 1111.17 | 61639 | 427 |

                | ratio | median latency ratio | per round | throughput ratio | CPU ratio | target | result |
                |---|---:|---|---:|---:|---:|---|
                | %s / listVirtualMachines json | **%.2f** | 0.63, 0.69 | 0.62 | 0.78 | ≤ 1.3 | PASS |
                | HTTP-hop baseline / %s | **%.2f** | 2.24, 3.11 | 2.60 | 2.35 | ≥ 3 | MISSED |
                | listVirtualMachines xml / json | **0.82** | 0.73, 1.08 | 0.89 | 0.92 |  |  |
                """, nativeMs, inProcess, apiMs, inProcess, hopMs, inProcess, apiMs / nativeMs, inProcess, hopMs / apiMs);
    }

    static final String CONTAINER = """
            | operation | through | median ms | p90 ms | ratio to engine (median) | target |
            |---|---|---|---|---|---|
            | create + start | engine API | 120.0 | 150.0 | 1 (baseline) |  |
            | create + start | native | 140.0 | 170.0 | 1.17 | <= 1.3 PASS |
            | create + start | EC2 | 190.0 | 220.0 | 1.58 | <= 1.3 MISSED |
            """;

    static List<BenchRun> runs() {
        return List.of(
                new BenchRun("native", 0, "tools/bench/run --duration 5", 0, NATIVE, ""),
                new BenchRun("compute", 0, "tools/bench/run-compute --large 20000", 1, COMPUTE, ""),
                new BenchRun("ec2", 100, "tools/bench/run-ec2 --vms 100", 0, listing("DescribeInstances", 20, 12, 40), ""),
                new BenchRun("ec2", 1000, "tools/bench/run-ec2 --vms 1000", 1, listing("DescribeInstances", 150, 95, 260), ""),
                new BenchRun("gce", 1000, "tools/bench/run-gce --vms 1000", 0, listing("instances.list", 50, 40, 125), ""),
                new BenchRun("container", 0, "tools/bench/run-container", 0, CONTAINER, ""),
                new BenchRun("container", 0, "tools/bench/run-container", 2, "", "no Docker engine"));
    }

    @Test
    public void tablesAreReadWithTheirCellsEscapedPipesAndTrailingEmptyCells() {
        List<MarkdownTable> tables = MarkdownTable.parseAll("text\n\n| a | b \\| c | d |\n|---|:---:|---|\n| 1 | 2 |  |\n\nafter\n");
        assertEquals(1, tables.size());
        assertEquals(List.of("a", "b | c", "d"), tables.get(0).header());
        assertEquals(List.of("1", "2", ""), tables.get(0).rows().get(0));
        assertEquals(1, tables.get(0).column("B |"));
        assertEquals(15.9, MarkdownTable.number("15.9 ms / 23.7 ms"), 1e-9);
        assertTrue(Double.isNaN(MarkdownTable.number("n/a")));
    }

    @Test
    public void everyTargetedFigureOfTheLargestRunsIsSummarisedWithItsVerdict() {
        List<Ratio> ratios = ReportWriter.ratios(runs());
        String all = ratios.toString();

        assertTrue(all, ratios.contains(new Ratio("Native API vs /healthz", "listAccounts", "0.349", "≥ 0.30", "PASS")));
        assertTrue(all, ratios.contains(new Ratio("Compute core: deploy throughput, latency, paging",
                "deploy throughput, 1000 VMs, 16 clients", "87.2 VMs/s", ">= 100 VMs/s", "MISSED")));
        assertTrue(all, ratios.contains(new Ratio("Compute core: deploy throughput, latency, paging",
                "page cost ratio 20000 / 1000 VMs", "0.65", "<= 1.5", "PASS")));
        // a plain measurement without target is not a ratio
        assertFalse(all, all.contains("pagesize 20"));
        // 1000 VMs is the size of the EC2 sweep whose ratios count; 100 only feeds the plot
        String ec2 = "EC2 API vs listVirtualMachines and an HTTP hop (1000 VMs)";
        assertTrue(all, ratios.contains(new Ratio(ec2, "DescribeInstances / listVirtualMachines json",
                String.format(java.util.Locale.ROOT, "%.2f", 95 / 150.0), "≤ 1.3", "PASS")));
        assertTrue(all, ratios.contains(new Ratio(ec2, "HTTP-hop baseline / DescribeInstances", "2.74", "≥ 3", "MISSED")));
        assertFalse(all, all.contains("(100 VMs)"));
        // the container table's verdict is split off its target; the engine's own row is no ratio
        String container = "Container lifecycle through the three APIs vs the daemons' APIs (Docker, LXD)";
        assertTrue(all, ratios.contains(new Ratio(container, "create + start via EC2", "1.58", "<= 1.3", "MISSED")));
        assertFalse(all, all.contains("via engine API"));
    }

    @Test
    public void targetsWithoutAVerdictAreJudgedByTheValuesFirstNumber() {
        assertEquals("PASS", Ratio.verdict("15.9 ms / 23.7 ms", "<= 200 ms"));
        assertEquals("MISSED", Ratio.verdict("215.9 ms / 23.7 ms", "<= 200 ms"));
        assertEquals("PASS", Ratio.verdict("0.30", "≥ 0.30"));
        assertEquals("MISSED", Ratio.verdict("2.99", "≥ 3"));
        assertEquals("", Ratio.verdict("n/a", "<= 1.5"));
        assertEquals("", Ratio.verdict("0.5", ""));
    }

    @Test
    public void reportNamesDateMachineCommandsAndRunsThatDidNotMeasure() {
        String md = ReportWriter.report("2026-12-05 17:00 UTC", "2 cores", runs(), List.of("benchmarks-report/a.png"));

        assertTrue(md, md.contains("- **Date**: 2026-12-05 17:00 UTC"));
        assertTrue(md, md.contains("- **Machine**: 2 cores"));
        assertTrue(md, md.contains("| Native API vs /healthz | listAccounts | 0.349 | ≥ 0.30 | PASS |"));
        assertTrue(md, md.contains("![benchmarks-report/a.png](benchmarks-report/a.png)"));
        assertTrue(md, md.contains("`tools/bench/run-ec2 --vms 100`: all targets met."));
        assertTrue(md, md.contains("Container lifecycle through the three APIs vs the daemons' APIs (Docker, LXD): failed (exit status 2): "
                + "no Docker engine"));
        // the runs' own headings sit below the report's
        assertTrue(md, md.contains("\n#### Pooled\n"));
        assertFalse(md, md.contains("\n### Pooled\n"));
    }

    @Test
    public void readmeSectionIsReplacedBetweenItsMarkersAndAppendedOnce() {
        String section = ReportWriter.readmeSection("2026-12-05", "2 cores", runs());
        assertTrue(section, section.contains("| Native API vs /healthz | listAccounts | 0.349 | ≥ 0.30 | PASS |"));
        assertFalse("figures without a verdict stay in the report", section.contains("listVirtualMachines xml / json"));

        String once = ReportWriter.updateReadme("# Skyport\n\ntext\n", section);
        String twice = ReportWriter.updateReadme(once.replace("2026-12-05", "2020-01-01"), section);
        assertEquals(once, twice);
        assertEquals(1, once.split("## Benchmark figures", -1).length - 1);
        assertTrue(once.startsWith("# Skyport\n\ntext\n"));
    }

    @Test
    public void latencyPlotHasOneLinePerWorkloadOverTheSizesAndLeavesPagesOut() throws Exception {
        Map<String, TreeMap<Integer, Double>> series = Plots.latencyByVms(
                runs().stream().filter(r -> r.kind().equals("ec2") || r.kind().equals("gce")).toList());

        assertEquals(Map.of(100, 12.0, 1000, 95.0), series.get("EC2 DescribeInstances"));
        assertEquals(Map.of(100, 40.0, 1000, 260.0), series.get("EC2 HTTP-hop baseline"));
        assertEquals(Map.of(1000, 125.0), series.get("GCE HTTP-hop baseline"));
        // the native listing both benchmarks measure is a line per benchmark, each beside its own API
        assertEquals(Map.of(100, 20.0, 1000, 150.0), series.get("native listVirtualMachines json (EC2 run)"));
        assertEquals(Map.of(1000, 50.0), series.get("native listVirtualMachines json (GCE run)"));
        assertFalse(series.toString(), series.keySet().stream().anyMatch(k -> k.contains("one page")));

        Path png = tmp.getRoot().toPath().resolve("latency.png");
        Plots.writeLatencyVsVms(series, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Plots.WIDTH, image.getWidth());
        assertEquals(Plots.HEIGHT, image.getHeight());
    }

    @Test
    public void baselinePlotComparesTheLargestRunOfEachApi() throws Exception {
        var data = Plots.proxyBaselines(runs().stream().filter(r -> r.kind().equals("ec2") || r.kind().equals("gce")).toList());

        assertEquals(List.of("EC2, 1000 VMs", "GCE, 1000 VMs"), data.getColumnKeys());
        assertEquals(95.0, data.getValue("in-process API", "EC2, 1000 VMs").doubleValue(), 1e-9);
        assertEquals(260.0, data.getValue("HTTP-hop translator", "EC2, 1000 VMs").doubleValue(), 1e-9);
        assertEquals(40.0, data.getValue("in-process API", "GCE, 1000 VMs").doubleValue(), 1e-9);

        List<String> written = BenchReport.writePlots(runs(), tmp.getRoot().toPath());
        assertEquals(List.of("benchmarks-report/latency-vs-vms.png", "benchmarks-report/in-process-vs-http-hop.png"), written);
        for (String f : written) {
            assertEquals(Plots.WIDTH, ImageIO.read(tmp.getRoot().toPath().resolve(f).toFile()).getWidth());
        }
    }

    @Test
    public void manifestLinesBecomeRunsWithTheirOutputs() throws Exception {
        Path out = tmp.newFile("native.md").toPath();
        Files.writeString(out, NATIVE);
        Path manifest = tmp.newFile("runs.tsv").toPath();
        Files.writeString(manifest, "# kind vms exit output command note\n"
                + "native\t0\t0\t" + out + "\ttools/bench/run --duration 5\t\n"
                + "container\t0\t-1\t" + tmp.getRoot() + "/missing.md\ttools/bench/run-container\tno Docker engine\n");

        List<BenchRun> runs = BenchReport.readManifest(manifest);
        assertEquals(2, runs.size());
        assertEquals(NATIVE, runs.get(0).markdown());
        assertTrue(runs.get(0).measured());
        assertFalse(runs.get(1).measured());
        assertEquals("not run: no Docker engine", runs.get(1).status());
    }

    @Test
    public void aRunsHeadingsSitOneLevelUnderItsRunHeadingWithoutSkippingALevel() {
        assertEquals("#### A\ntext\n##### B\n", ReportWriter.demoteHeadings("## A\ntext\n### B\n"));
        assertEquals("#### C\n#### D\n", ReportWriter.demoteHeadings("### C\n### D\n"));
        assertEquals("no heading\n", ReportWriter.demoteHeadings("no heading\n"));
    }
}
