package io.skyport.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's two plots, as PNG (JFreeChart, headless): median latency of each listing workload
 * against the number of VMs listed, and the in-process EC2 and GCE APIs against their HTTP-hop
 * translators (and the native listing) at the largest size.
 */
final class Plots {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;

    private Plots() {
    }

    /**
     * Median latency (pooled p50) per workload and size, from the listing runs' pooled tables.
     * The native listing both benchmarks measure is a line per benchmark ("(EC2 run)"): each
     * API is compared with the native listing measured in the same JVM at the same time, never
     * with another run's. GCE's one-page rows are left out (a page is not a listing).
     */
    static Map<String, TreeMap<Integer, Double>> latencyByVms(List<BenchRun> listingRuns) {
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
        for (BenchRun run : listingRuns) {
            if (!run.measured()) {
                continue;
            }
            MarkdownTable pooled = pooledTable(run);
            if (pooled == null) {
                continue;
            }
            int p50 = pooled.column("p50");
            for (List<String> row : pooled.rows()) {
                String workload = row.get(0);
                if (workload.contains("one page")) {
                    continue;
                }
                String label = label(run.kind(), workload);
                double ms = MarkdownTable.number(MarkdownTable.cell(row, p50));
                if (!Double.isNaN(ms)) {
                    series.computeIfAbsent(label, k -> new TreeMap<>()).put(run.vms(), ms);
                }
            }
        }
        return series;
    }

    /** The table of workloads pooled over every round: first column "workload", with a p50 column. */
    static MarkdownTable pooledTable(BenchRun run) {
        for (MarkdownTable t : run.tables()) {
            if (!t.header().isEmpty() && t.header().get(0).equals("workload") && t.column("p50") > 0) {
                return t;
            }
        }
        return null;
    }

    private static String label(String kind, String workload) {
        if (workload.startsWith("listVirtualMachines")) {
            return "native " + workload + " (" + kind.toUpperCase(Locale.ROOT) + " run)";
        }
        return kind.toUpperCase(Locale.ROOT) + " " + workload;
    }

    static void writeLatencyVsVms(Map<String, TreeMap<Integer, Double>> series, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name);
            points.forEach(s::add);
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart("Median latency of one full listing vs number of VMs",
                "VMs listed", "median latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setDefaultShapesVisible(true);
        chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * Per API (EC2, GCE) at the largest size measured: the in-process API, the HTTP-hop
     * translator in front of the native API, and the native listing, by median latency.
     */
    static DefaultCategoryDataset proxyBaselines(List<BenchRun> listingRuns) {
        Map<String, BenchRun> largest = new LinkedHashMap<>();
        for (BenchRun run : listingRuns) {
            if (run.measured() && pooledTable(run) != null) {
                largest.merge(run.kind(), run, (a, b) -> b.vms() > a.vms() ? b : a);
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        largest.forEach((kind, run) -> {
            MarkdownTable pooled = pooledTable(run);
            int p50 = pooled.column("p50");
            String category = kind.toUpperCase(Locale.ROOT) + ", " + run.vms() + " VMs";
            for (List<String> row : pooled.rows()) {
                String workload = row.get(0);
                if (workload.contains("one page") || workload.equals("listVirtualMachines xml")) {
                    continue;
                }
                String side = workload.startsWith("HTTP-hop") ? "HTTP-hop translator"
                        : workload.startsWith("listVirtualMachines") ? "native listVirtualMachines json"
                        : "in-process API";
                double ms = MarkdownTable.number(MarkdownTable.cell(row, p50));
                if (!Double.isNaN(ms)) {
                    data.addValue(ms, side, category);
                }
            }
        });
        return data;
    }

    static void writeProxyBaselines(DefaultCategoryDataset data, Path png) throws IOException {
        JFreeChart chart = ChartFactory.createBarChart("In-process API vs HTTP-hop translator (median latency)",
                "", "median latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(java.awt.Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
