package io.skyport.app.cluster;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The progress display on stderr: one line per node each time its state changes, so a cluster of
 * eight nodes prints a few dozen lines, however long the poll runs.
 */
final class Progress {
    private final PrintWriter out;
    private final Map<String, String> last = new HashMap<>();
    private final long started = System.nanoTime();

    Progress(PrintWriter out) {
        this.out = out;
    }

    /** Prints the node's state if it differs from the last one printed for it. */
    void node(String name, String state) {
        if (!state.equals(last.put(name, state))) {
            out.printf("[%5.1fs] %-28s %s%n", (System.nanoTime() - started) / 1e9, name, state);
            out.flush();
        }
    }

    void step(String text) {
        out.printf("[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, text);
        out.flush();
    }
}
