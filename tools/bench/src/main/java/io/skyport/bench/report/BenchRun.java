package io.skyport.bench.report;

import java.util.List;

/**
 * One benchmark program run by {@code tools/bench/report}: which benchmark ({@code kind}: native,
 * compute, ec2, gce, container), the VMs it listed (0 when it has no such size), the command
 * line, its exit status (0 all targets met, 1 a target missed, 2 or more it could not run;
 * {@link #SKIPPED} when it was not run) and its Markdown output.
 */
record BenchRun(String kind, int vms, String command, int exitStatus, String markdown, String note) {

    static final int SKIPPED = -1;

    List<MarkdownTable> tables() {
        return MarkdownTable.parseAll(markdown);
    }

    boolean measured() {
        return exitStatus == 0 || exitStatus == 1;
    }

    String status() {
        return switch (exitStatus) {
            case 0 -> "all targets met";
            case 1 -> "a target missed";
            case SKIPPED -> "not run" + (note.isEmpty() ? "" : ": " + note);
            default -> "failed (exit status " + exitStatus + ")" + (note.isEmpty() ? "" : ": " + note);
        };
    }
}
