package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class ContainerReportTest {
    private static final class FakeSide implements LifecycleSide {
        private final String name;
        private final boolean removes;

        FakeSide(String name, boolean removes) {
            this.name = name;
            this.removes = removes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String create(String n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String containerName(String handle) {
            return handle;
        }

        @Override
        public boolean removesContainer() {
            return removes;
        }
    }

    private final RawDockerSide raw = new RawDockerSide(null, "img");
    private final FakeSide nativeApi = new FakeSide("native", true);
    private final FakeSide ec2 = new FakeSide("ec2", false);
    private final LifecycleTimings timings = new LifecycleTimings("Docker", raw, List.of(raw, nativeApi, ec2), s -> { });

    private void fill(LifecycleSide side, List<Double> create, List<Double> remove, List<Double> kill) {
        timings.of(side).create().addAll(create);
        timings.of(side).remove().addAll(remove);
        timings.of(side).kill().addAll(kill);
    }

    @Test
    public void ratiosAreMediansOverTheEngineAndTerminateIsComparedWithKillAlone() {
        fill(raw, List.of(100.0, 200.0, 300.0), List.of(40.0, 50.0, 60.0), List.of(10.0, 20.0, 30.0));
        fill(nativeApi, List.of(220.0, 240.0, 900.0), List.of(55.0, 60.0, 65.0), List.of());
        fill(ec2, List.of(250.0, 260.0, 270.0), List.of(25.0, 26.0, 27.0), List.of());
        assertEquals(1.2, timings.createRatio(nativeApi), 1e-9);
        assertEquals(1.2, timings.removeRatio(nativeApi), 1e-9);
        assertEquals("EC2's terminate against the engine's kill", 1.3, timings.removeRatio(ec2), 1e-9);
        assertEquals(1.3, timings.createRatio(ec2), 1e-9);
        assertTrue(timings.allWithin(1.3));
        assertFalse(timings.allWithin(1.25));
        String md = ContainerReport.render("test machine", new ServerWarmup(List.of(), l -> { }), List.of(timings), List.of(new ConcurrencyRamp.Step(50, 4.5, 3.25,
                1000)), null);
        assertTrue(md, md.contains("| create + start on Docker | native | 240.0 | 900.0 | 1.20 | <= 1.3 PASS |"));
        assertTrue(md, md.contains("| terminate (kill) on Docker | ec2 | 26.0 | 27.0 | 1.30 | <= 1.3 PASS |"));
        assertTrue(md, md.contains("| 50 | 4.5 | 3.3 | 1000 |") || md.contains("| 50 | 4.5 | 3.2 | 1000 |"));
        assertTrue(md, md.contains("stopped at its maximum"));
        assertTrue(md, md.contains("### Container lifecycle on Docker"));
    }

    @Test
    public void aRatioOverTheTargetIsMarkedMissed() {
        fill(raw, List.of(100.0), List.of(40.0), List.of(10.0));
        fill(nativeApi, List.of(150.0), List.of(40.0), List.of());
        fill(ec2, List.of(100.0), List.of(10.0), List.of());
        String md = ContainerReport.render("m", new ServerWarmup(List.of(), l -> { }), List.of(timings), List.of(), "step 1 failed: no room");
        assertTrue(md, md.contains("| create + start on Docker | native | 150.0 | 150.0 | 1.50 | <= 1.3 MISSED |"));
        assertTrue(md, md.contains("The ramp stopped: step 1 failed: no room."));
        assertTrue(md, md.contains("The server was not warmed up on simulated hosts first."));
        assertFalse(timings.allWithin(1.3));
    }
}
