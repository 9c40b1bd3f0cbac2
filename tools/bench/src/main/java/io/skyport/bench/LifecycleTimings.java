package io.skyport.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times create+start and stop+remove of one container per side, the sides interleaved and their
 * order rotated every iteration, so drift of the machine or the engine (its image store grows and
 * shrinks, the JIT warms) falls on every side alike. Every container a side reports running is
 * checked on the engine before it is removed.
 */
final class LifecycleTimings {
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

    /** {@code sides} holds {@code raw}, the daemon's own API, and the Skyport APIs measured against it. */
    LifecycleTimings(String title, EngineSide raw, List<LifecycleSide> sides, Consumer<String> progress) {
        this.title = title;
        this.raw = raw;
        this.sides = sides;
        this.progress = progress;
        sides.forEach(s -> samples.put(s, Samples.empty()));
    }

    LifecycleTimings run(int warmup, int iterations) throws Exception {
        int total = warmup + iterations;
        for (int i = 0; i < total; i++) {
            boolean timed = i >= warmup;
            for (int k = 0; k < sides.size(); k++) {
                int index = (i + k) % sides.size();
                cycle(sides.get(index), "cb" + index + "-" + i, timed);
            }
            if ((i + 1) % 5 == 0 || i + 1 == total) {
                progress.accept(title + " lifecycle: " + (i + 1) + "/" + total + " cycles per side"
                        + (i < warmup ? " (warm-up)" : ""));
            }
        }
        return this;
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
