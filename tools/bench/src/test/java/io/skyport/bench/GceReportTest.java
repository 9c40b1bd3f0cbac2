package io.skyport.bench;

import static io.skyport.bench.SyntheticPhases.phase;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The GCE report compares whole listings (every page) and shows single pages for information. */
public class GceReportTest {

    @Test
    public void aWholeListingIsComparedWithOneNativeListing() {
        List<PhaseResult> phases = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            phases.add(phase(round, GceReport.NATIVE_JSON, 10, 0));
            phases.add(phase(round, GceReport.GCE, 12, 0, 2));
            phases.add(phase(round, GceReport.BASELINE, 40, 0, 2));
        }
        GceReport report = new GceReport("setup", phases, List.of());
        String md = report.render();

        assertEquals(1.2, report.costRatio(GceReport.GCE, GceReport.NATIVE_JSON), 1e-9);
        assertTrue(report.gcePassed());
        assertTrue(report.baselinePassed());
        assertTrue(md, md.contains("| instances.list, all pages / listVirtualMachines json | **1.20** | 1.20, 1.20 "
                + "| 1.20 | 1.20 | ≤ 1.3 | PASS |"));
        // a page is half a listing: twice as many of them, half the CPU each
        assertTrue(md, md.contains("| instances.list, one page / listVirtualMachines json | **0.60** | 0.60, 0.60 "
                + "| 0.60 | 0.60 |  |  |"));
        assertTrue(md, md.contains("| instances.list, one page | 168.3 | 6.00 |"));
    }

    @Test
    public void aSlowListingMissesBothTargetsAndErrorsVoidThem() {
        GceReport slow = new GceReport("setup", List.of(phase(1, GceReport.NATIVE_JSON, 10, 0),
                phase(1, GceReport.GCE, 20, 0, 2), phase(1, GceReport.BASELINE, 30, 0, 2)), List.of());
        GceReport failing = new GceReport("setup", List.of(phase(1, GceReport.NATIVE_JSON, 10, 0),
                phase(1, GceReport.GCE, 10, 3, 2), phase(1, GceReport.BASELINE, 40, 0, 2)), List.of());

        assertFalse(slow.gcePassed());
        assertFalse(slow.baselinePassed());
        assertTrue(slow.render(), slow.render().contains("MISSED"));
        assertFalse(failing.gcePassed());
        assertFalse(failing.baselinePassed());
        assertTrue(failing.render(), failing.render().contains("This run had 3 errors"));
    }
}
