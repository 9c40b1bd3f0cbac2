package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class LifecycleWarmupTest {
    /** A daemon that makes containers instantly; it remembers which run. */
    private static final class InstantEngine implements EngineSide {
        final Set<String> runningNow = new HashSet<>();
        final List<String> created = new ArrayList<>();

        @Override
        public String name() {
            return "engine";
        }

        @Override
        public String daemon() {
            return "an instant engine";
        }

        @Override
        public String create(String name) {
            created.add(name);
            runningNow.add(name);
            return name;
        }

        @Override
        public void remove(String handle) {
            runningNow.remove(handle);
        }

        @Override
        public String containerName(String handle) {
            return handle;
        }

        @Override
        public void kill(String handle) {
            runningNow.remove(handle);
        }

        @Override
        public void delete(String handle) {
            runningNow.remove(handle);
        }

        @Override
        public boolean running(String container) {
            return runningNow.contains(container);
        }

        @Override
        public boolean exists(String container) {
            return runningNow.contains(container);
        }
    }

    /** EC2's terminate on the instant engine: its container stays until {@link #clearAway}, as the expunger's. */
    private static class TerminatingSide implements LifecycleSide {
        final InstantEngine engine;
        final List<String> log;

        TerminatingSide(InstantEngine engine, List<String> log) {
            this.engine = engine;
            this.log = log;
        }

        @Override
        public String name() {
            return "terminate";
        }

        @Override
        public String create(String name) {
            log.add("create " + name);
            return engine.create(name);
        }

        @Override
        public void remove(String handle) {
            log.add("terminate " + handle);
        }

        @Override
        public String containerName(String handle) {
            return handle;
        }

        @Override
        public boolean removesContainer() {
            return false;
        }

        @Override
        public void clearAway(String handle) {
            log.add("expunge " + handle);
            engine.delete(handle);
        }
    }

    /** A JIT clock that advances by a large step per reading while {@code busy} is positive. */
    private static final class JitClock {
        final AtomicLong total = new AtomicLong();
        final AtomicLong busyReadings;

        JitClock(long busyReadings) {
            this.busyReadings = new AtomicLong(busyReadings);
        }

        long read() {
            return busyReadings.getAndDecrement() > 0 ? total.addAndGet(1_000) : total.get();
        }
    }

    @Test
    public void warmUpGoesOnInBlocksUntilTheJitSettlesThenTimesTheCycles() throws Exception {
        InstantEngine engine = new InstantEngine();
        // readings: the start, then one per block: busy through the third block's end, quiet after
        JitClock clock = new JitClock(4);
        LifecycleTimings t = new LifecycleTimings("Docker", engine, List.of(engine), s -> { })
                .compileClock(clock::read).run(5, 200, 0.05, 3);
        assertEquals(4 * LifecycleTimings.WARMUP_BLOCK, t.warmupCycles());
        assertEquals(0.0, t.lastWarmupJitShare(), 1e-9);
        assertEquals(3, t.of(engine).create().size());
        assertEquals(3, t.of(engine).kill().size());
        assertTrue("every container went", engine.runningNow.isEmpty());
    }

    @Test
    public void warmUpStopsAtItsMaximumWhenTheJitNeverSettles() throws Exception {
        InstantEngine engine = new InstantEngine();
        JitClock clock = new JitClock(Long.MAX_VALUE);
        LifecycleTimings t = new LifecycleTimings("Docker", engine, List.of(engine), s -> { })
                .compileClock(clock::read).run(5, 25, 0.05, 3);
        assertEquals(25, t.warmupCycles());
        assertTrue(t.lastWarmupJitShare() > 0.05);
        assertTrue("the timed cycles' JIT share is reported", t.timedJitShare() > 0.05);
    }

    @Test
    public void theMinimumWarmUpHoldsEvenWhenTheJitIsQuietAtOnce() throws Exception {
        InstantEngine engine = new InstantEngine();
        LifecycleTimings t = new LifecycleTimings("Docker", engine, List.of(engine), s -> { })
                .compileClock(() -> 0).run(25, 200, 0.05, 3);
        assertEquals(30, t.warmupCycles());
        assertEquals((30 + 3) * 2, engine.created.size());
    }

    @Test
    public void aContainerLeftToTheServerIsGoneBeforeTheNextSideStarts() throws Exception {
        InstantEngine engine = new InstantEngine();
        List<String> log = new ArrayList<>();
        TerminatingSide ec2 = new TerminatingSide(engine, log);
        LifecycleSide next = new TerminatingSide(engine, log) {
            @Override
            public String create(String name) {
                log.add("next sees " + engine.runningNow.size() + " containers");
                return super.create(name);
            }
        };
        new LifecycleTimings("Docker", engine, List.of(engine, ec2, next), s -> { }).compileClock(() -> 0)
                .run(10, 10, 0.05, 1);
        int terminated = log.indexOf("terminate cb1-0");
        assertTrue(log.toString(), terminated >= 0);
        assertEquals("expunge cb1-0", log.get(terminated + 1));
        assertEquals("next sees 0 containers", log.get(terminated + 2));
        assertTrue("every container went", engine.runningNow.isEmpty());
    }
}
