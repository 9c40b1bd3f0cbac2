package io.skyport.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One figure an issue set a target for (or a ratio shown beside them), as a benchmark printed it:
 * what is compared, the value, the target and the verdict.
 */
record Ratio(String benchmark, String what, String value, String target, String result) {

    /**
     * The ratios and targeted figures of a run's tables. A table counts when a column header
     * says "ratio" (native, EC2, GCE and container reports) or its first column is "measure"
     * (the compute report, whose targets are a throughput and a latency as well as a ratio).
     * The value is the first column named ratio (or value); a verdict that the table writes
     * into its target column ("<= 1.3 PASS") is split off into the result.
     */
    static List<Ratio> of(String benchmark, BenchRun run) {
        List<Ratio> out = new ArrayList<>();
        for (MarkdownTable t : run.tables()) {
            boolean measures = !t.header().isEmpty() && t.header().get(0).equalsIgnoreCase("measure");
            int value = measures ? t.column("value") : ratioColumn(t);
            if (value < 0) {
                continue;
            }
            int target = t.column("target");
            int result = t.column("result");
            // The container table names the operation and the API side in two columns.
            int through = t.header().indexOf("through");
            for (List<String> row : t.rows()) {
                String v = MarkdownTable.cell(row, value).replace("**", "");
                if (v.isEmpty() || (!measures && Double.isNaN(MarkdownTable.number(v))) || v.contains("baseline")) {
                    continue;
                }
                String what = MarkdownTable.cell(row, 0) + (through > 0 ? " via " + MarkdownTable.cell(row, through) : "");
                String tgt = MarkdownTable.cell(row, target);
                if (measures && tgt.isEmpty()) {
                    continue; // a plain measurement the ratio rows are made of
                }
                String res = MarkdownTable.cell(row, result);
                for (String verdict : List.of("PASS", "MISSED", "FAIL")) {
                    if (res.isEmpty() && tgt.endsWith(" " + verdict)) {
                        tgt = tgt.substring(0, tgt.length() - verdict.length()).trim();
                        res = verdict;
                    }
                }
                if (res.isEmpty()) {
                    res = verdict(v, tgt);
                }
                out.add(new Ratio(benchmark, what.replace("`", ""), v, tgt, res));
            }
        }
        return out;
    }

    /**
     * PASS or MISSED for a value against a target written as "<= 1.5", "≥ 0.30" or ">= 100 VMs/s"
     * (the compute report prints targets without verdicts); the value's first number counts (a
     * "median / p90" cell is judged by its median). Empty when either is not a number.
     */
    static String verdict(String value, String target) {
        String t = target.trim();
        boolean atMost = t.startsWith("<=") || t.startsWith("≤");
        boolean atLeast = t.startsWith(">=") || t.startsWith("≥");
        double v = MarkdownTable.number(value);
        double limit = MarkdownTable.number(t);
        if (!(atMost || atLeast) || Double.isNaN(v) || Double.isNaN(limit)) {
            return "";
        }
        return (atMost ? v <= limit : v >= limit) ? "PASS" : "MISSED";
    }

    private static int ratioColumn(MarkdownTable t) {
        // "median latency ratio" before "ratio" (EC2/GCE tables have the latter twice, as a row label column).
        int median = t.column("median latency ratio");
        if (median >= 0) {
            return median;
        }
        for (int i = 1; i < t.header().size(); i++) {
            String h = t.header().get(i).toLowerCase(Locale.ROOT);
            if (h.contains("ratio") && !h.contains("per round")) {
                return i;
            }
        }
        return -1;
    }
}
