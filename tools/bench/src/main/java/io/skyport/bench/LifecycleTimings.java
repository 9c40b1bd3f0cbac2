package io.skyport.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Times create+start and stop+remove of one container per side, the sides interleaved and their
 * order rotated every iteration, so drift of the machine or the engine (its image store grows and
 * shrinks, the JIT warms) falls on every side alike. Every container a side reports running is
 * checked on the engine before it is removed.
 */
final class LifecycleTimings {
    /** Warm-up cycles are checked for a settled JIT in blocks of this many. */
    static final int WARMUP_BLOCK = 10;
    /** How long a container a side left to the server may take to go, and how often the run looks. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(60);
    private static final long GONE_POLL_MILLIS = 20;

    /** Milliseconds per side: create+start, and remove (for the engine also a kill alone, on another container). */
    record Samples(List<Double> create, List<Double> remove, List<Double> kill) {
        static Samples empty() {
            return new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private final String title;
    private final EngineSide raw;
    private final List<LifecycleSide> sides;
    private final Consumer<String> progress;
    private final Map<LifecycleSide, Samples> samples = new LinkedHashMap<>();
    /** The daemon's version and storage, read when the run starts. */
    private String daemon = "";
    private int warmupCycles;
    private double lastWarmupJitShare;
    private double timedJitShare;
    private LongSupplier compileClock = LifecycleTimings::jitMillis;

    /** {@code sides} holds {@code raw}, the daemon's own API, and the Skyport APIs measured against it. */
    LifecycleTimings(String title, EngineSide raw, List<LifecycleSide> sides, Consumer<String> progress) {
        this.title = title;
        this.raw = raw;
        this.sides = sides;
        this.progress = progress;
        sides.forEach(s -> samples.put(s, Samples.empty()));
    }

    /**
     * Warm-up, then the timed cycles. Warm-up runs at least {@code minWarmup} cycles, then goes on in
     * blocks of {@value #WARMUP_BLOCK} until the JIT compilers' time in a block is at most
     * {@code settledShare} of its wall time (or {@code maxWarmup} cycles): a server that just started
     * compiles its hot paths for minutes, on the same cores as the daemon, and what the benchmark
     * compares is the server that runs for weeks.
     */
    LifecycleTimings run(int minWarmup, int maxWarmup, double settledShare, int iterations) throws Exception {
        daemon = raw.daemon();
        int i = 0;
        Jit block = Jit.now(compileClock);
        while (i < maxWarmup) {
            iteration(i, false);
            i++;
            if (i % WARMUP_BLOCK == 0 || i == maxWarmup) {
                Jit end = Jit.now(compileClock);
                lastWarmupJitShare = block.shareUntil(end);
                block = end;
                if (i >= minWarmup && lastWarmupJitShare <= settledShare) {
                    break;
                }
                progress.accept(String.format(Locale.ROOT, "%s warm-up: %d cycles per side, JIT %.0f%% of the "
                        + "last block", title, i, 100 * lastWarmupJitShare));
            }
        }
        warmupCycles = i;
        Jit timed = Jit.now(compileClock);
        for (int k = 0; k < iterations; k++) {
            iteration(i + k, true);
            if ((k + 1) % 5 == 0 || k + 1 == iterations) {
                progress.accept(title + " lifecycle: " + (k + 1) + "/" + iterations + " timed cycles per side");
            }
        }
        timedJitShare = timed.shareUntil(Jit.now(compileClock));
        progress.accept(String.format(Locale.ROOT, "%s: %d warm-up cycles per side; JIT %.0f%% of the last "
                + "warm-up block, %.0f%% of the timed cycles", title, warmupCycles, 100 * lastWarmupJitShare,
                100 * timedJitShare));
        return this;
    }

    /** One cycle of every side, in an order rotated by {@code i}. */
    private void iteration(int i, boolean timed) throws Exception {
        for (int k = 0; k < sides.size(); k++) {
            int index = (i + k) % sides.size();
            cycle(sides.get(index), "cb" + index + "-" + i, timed);
        }
    }

    /** The JIT compilers' total time and the wall clock at one moment. */
    private record Jit(long compileMillis, long wallNanos) {
        static Jit now(LongSupplier clock) {
            return new Jit(clock.getAsLong(), System.nanoTime());
        }

        /**
         * The compilers' time from this moment to a later one, as a share of the wall time between
         * (taken as at least 1 ms).
         */
        double shareUntil(Jit later) {
            long wall = Math.max(1, (later.wallNanos - wallNanos) / 1_000_000);
            return (double) (later.compileMillis - compileMillis) / wall;
        }
    }

    /** The JIT compilers' total time so far, in milliseconds (0 where the JVM does not tell). */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit == null || !jit.isCompilationTimeMonitoringSupported() ? 0 : jit.getTotalCompilationTime();
    }

    /** For tests: where the JIT compilers' total time is read. */
    LifecycleTimings compileClock(LongSupplier clock) {
        this.compileClock = clock;
        return this;
    }

    int warmupCycles() {
        return warmupCycles;
    }

    double lastWarmupJitShare() {
        return lastWarmupJitShare;
    }

    double timedJitShare() {
        return timedJitShare;
    }

    private void cycle(LifecycleSide side, String name, boolean timed) throws Exception {
        long t0 = System.nanoTime();
        String handle = side.create(name);
        long t1 = System.nanoTime();
        String container = side.containerName(handle);
        if (!raw.running(container)) {
            throw new IllegalStateException(side.name() + " reported " + name + " running, but its container "
                    + container + " is not");
        }
        Samples s = samples.get(side);
        long t2 = System.nanoTime();
        side.remove(handle);
        long t4 = System.nanoTime();
        if (timed) {
            s.create().add((t1 - t0) / 1e6);
            s.remove().add((t4 - t2) / 1e6);
        }
        if (!side.removesContainer()) {
            // EC2's terminated container is removed later by the expunger: the next side starts once it is
            // gone, as it does after every other side's removal, rather than beside a removal of this side's
            side.clearAway(handle);
            awaitGone(side, container);
        }
        if (side == raw) {
            // the kill alone (what EC2's terminate does) on a container of its own, so the daemon's removal
            // above is the one call the driver makes for a destroy with expunge
            String second = raw.create(name + "-k");
            long t5 = System.nanoTime();
            raw.kill(second);
            long t6 = System.nanoTime();
            raw.delete(second);
            if (timed) {
                s.kill().add((t6 - t5) / 1e6);
            }
        }
    }

    private void awaitGone(LifecycleSide side, String container) throws Exception {
        long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
        while (raw.exists(container)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(side.name() + ": container " + container + " was not removed within "
                        + GONE_WITHIN.toSeconds() + " s of its instance's end");
            }
            Thread.sleep(GONE_POLL_MILLIS);
        }
    }

    List<LifecycleSide> sides() {
        return sides;
    }

    Samples of(LifecycleSide side) {
        return samples.get(side);
    }

    EngineSide raw() {
        return raw;
    }

    String title() {
        return title;
    }

    String daemon() {
        return daemon;
    }

    /** The engine figure a side's removal is compared with: its removal, or kill alone for EC2's terminate. */
    double removeBaseline(LifecycleSide side) {
        return median(side.removesContainer() ? samples.get(raw).remove() : samples.get(raw).kill());
    }

    double createRatio(LifecycleSide side) {
        return median(samples.get(side).create()) / median(samples.get(raw).create());
    }

    double removeRatio(LifecycleSide side) {
        return median(samples.get(side).remove()) / removeBaseline(side);
    }

    boolean allWithin(double target) {
        for (LifecycleSide s : sides) {
            if (s != raw && (createRatio(s) > target || removeRatio(s) > target)) {
                return false;
            }
        }
        return true;
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
