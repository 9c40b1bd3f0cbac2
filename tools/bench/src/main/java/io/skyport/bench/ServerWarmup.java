package io.skyport.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Untimed create and remove cycles through Skyport's APIs on simulated hosts, before any daemon
 * is timed. A container cycle takes a second or more, so warming on the daemons alone leaves the
 * server's request, job and database paths run a few hundred times, most of it still in the
 * JIT's first tiers and the compilers busy on the daemon's cores; what the benchmark compares is
 * a server that has served many requests. Simulated hosts answer at once, so thousands of cycles
 * take a minute or two and bring those shared paths to the JIT's top tier. The driver's own code
 * still warms in the daemon's warm-up cycles, as the daemon side's client code does.
 */
final class ServerWarmup {
    /** Progress is told every this many cycles. */
    static final int PROGRESS_EVERY = 250;

    private final List<LifecycleSide> sides;
    private final Consumer<String> progress;
    private double seconds;
    private int cycles;

    /** {@code sides}: Skyport's APIs, each making instances on simulated hosts. */
    ServerWarmup(List<LifecycleSide> sides, Consumer<String> progress) {
        this.sides = sides;
        this.progress = progress;
    }

    /** Runs {@code cycles} create-and-remove cycles per side, the sides taking turns. */
    ServerWarmup run(int cycles) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            for (int k = 0; k < sides.size(); k++) {
                LifecycleSide side = sides.get(k);
                String handle = side.create("sw" + k + "-" + i);
                // as the timed cycles do (EC2's side learns here which VM its expunge is for)
                side.containerName(handle);
                side.remove(handle);
                side.clearAway(handle);
            }
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == cycles) {
                progress.accept(String.format(Locale.ROOT, "server warm-up on simulated hosts: %d/%d cycles per API "
                        + "(%.0f s)", i + 1, cycles, (System.nanoTime() - start) / 1e9));
            }
        }
        this.cycles = cycles;
        this.seconds = (System.nanoTime() - start) / 1e9;
        return this;
    }

    int cycles() {
        return cycles;
    }

    double seconds() {
        return seconds;
    }

    /** The report's sentence on it. */
    String describe() {
        return cycles == 0 ? "The server was not warmed up on simulated hosts first."
                : String.format(Locale.ROOT, "Before any daemon was timed, the server ran %d create-and-remove cycles "
                        + "per API on simulated hosts (%.0f s), so its own paths were compiled.", cycles, seconds);
    }
}
