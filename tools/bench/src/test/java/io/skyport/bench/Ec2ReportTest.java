package io.skyport.bench;

import static io.skyport.bench.SyntheticPhases.phase;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The EC2 report's verdicts come from median latencies pooled over the rounds, and errors void them. */
public class Ec2ReportTest {

    @Test
    public void ratiosCompareMediansPooledOverRounds() {
        List<PhaseResult> phases = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            phases.add(phase(round, Ec2Report.NATIVE_JSON, 10, 0));
            phases.add(phase(round, Ec2Report.NATIVE_XML, 11, 0));
            phases.add(phase(round, Ec2Report.EC2, 12, 0));
            phases.add(phase(round, Ec2Report.BASELINE, 40, 0));
        }
        Ec2Report report = new Ec2Report("setup", phases, List.of());

        assertEquals(1.2, report.costRatio(Ec2Report.EC2, Ec2Report.NATIVE_JSON), 1e-9);
        assertEquals(40 / 12.0, report.costRatio(Ec2Report.BASELINE, Ec2Report.EC2), 1e-9);
        assertTrue(report.ec2Passed());
        assertTrue(report.baselinePassed());
        assertTrue(report.render(), report.render().contains("| DescribeInstances / listVirtualMachines json | **1.20** "
                + "| 1.20, 1.20 | 1.20 | 1.20 | ≤ 1.3 | PASS |"));
    }

    @Test
    public void aSlowDescribeInstancesMissesBothTargets() {
        List<PhaseResult> phases = List.of(phase(1, Ec2Report.NATIVE_JSON, 10, 0), phase(1, Ec2Report.EC2, 20, 0),
                phase(1, Ec2Report.BASELINE, 30, 0));
        Ec2Report report = new Ec2Report("setup", phases, List.of());

        assertFalse(report.ec2Passed());
        assertFalse(report.baselinePassed());
        assertTrue(report.render(), report.render().contains("MISSED"));
    }

    @Test
    public void errorsVoidTheVerdicts() {
        List<PhaseResult> phases = List.of(phase(1, Ec2Report.NATIVE_JSON, 10, 0), phase(1, Ec2Report.EC2, 10, 3),
                phase(1, Ec2Report.BASELINE, 40, 0));
        Ec2Report report = new Ec2Report("setup", phases, List.of());

        assertFalse(report.ec2Passed());
        assertFalse(report.baselinePassed());
        assertTrue(report.render(), report.render().contains("This run had 3 errors"));
    }

    @Test
    public void withoutDescribeInstancesNothingPasses() {
        Ec2Report report = new Ec2Report("setup", List.of(phase(1, Ec2Report.NATIVE_JSON, 10, 0),
                phase(1, Ec2Report.BASELINE, 40, 0)), List.of("no EC2 endpoint"));

        assertFalse(report.ec2Passed());
        assertTrue(report.render(), report.render().contains("not measured"));
    }
}
