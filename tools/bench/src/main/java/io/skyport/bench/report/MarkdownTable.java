package io.skyport.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A pipe table read back from a benchmark's Markdown output. The benchmarks write their results
 * only as Markdown (the format people read), so the report reads the same text rather than a
 * second, machine-only format that could drift from it.
 */
record MarkdownTable(List<String> header, List<List<String>> rows) {

    /** Every table of {@code markdown}, in order: a header row, a delimiter row, then body rows. */
    static List<MarkdownTable> parseAll(String markdown) {
        List<MarkdownTable> tables = new ArrayList<>();
        String[] lines = markdown.split("\r?\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!isRow(lines[i]) || !isDelimiter(lines[i + 1])) {
                continue;
            }
            List<String> header = cells(lines[i]);
            List<List<String>> rows = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.length && isRow(lines[j]); j++) {
                rows.add(cells(lines[j]));
            }
            tables.add(new MarkdownTable(header, rows));
            i = j - 1;
        }
        return tables;
    }

    /** Index of the first column whose header contains {@code word} (case-insensitive), or -1. */
    int column(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).contains(w)) {
                return i;
            }
        }
        return -1;
    }

    /** The cell, or "" when the row is shorter (a trailing empty cell) or the column is missing. */
    static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column) : "";
    }

    /** The first number in a cell ("**0.75**", "103.3 VMs/s", "15.9 ms / 23.7 ms"), or NaN. */
    static double number(String cell) {
        java.util.regex.Matcher m = NUMBER.matcher(cell);
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private static boolean isRow(String line) {
        String t = line.trim();
        return t.startsWith("|") && t.endsWith("|") && t.length() > 1;
    }

    private static boolean isDelimiter(String line) {
        return isRow(line) && line.trim().matches("\\|(\\s*:?-{3,}:?\\s*\\|)+");
    }

    /** Cells of a row without the outer pipes, trimmed; an escaped pipe stays in its cell. */
    private static List<String> cells(String line) {
        String t = line.trim();
        t = t.substring(1, t.length() - 1);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (c == '|') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }
}
