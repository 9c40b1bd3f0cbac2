package io.skyport.app.it;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.AssumptionViolatedException;
import org.junit.Test;

/** The live-test gate: a missing component skips locally and fails when CI requires it. */
public class LiveTest {
    @Test
    public void presentComponentNeitherSkipsNorFails() {
        Live.require("thing", true, "unused", true);
        Live.require("thing", true, "unused", false);
    }

    @Test
    public void missingComponentSkipsWhenNotRequired() {
        AssumptionViolatedException e = assertThrows(AssumptionViolatedException.class,
                () -> Live.require("thing", false, "not installed", false));
        assertTrue(e.getMessage(), e.getMessage().contains("thing missing: not installed"));
    }

    @Test
    public void missingComponentFailsWhenRequired() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Live.require("thing", false, "not installed", true));
        assertTrue(e.getMessage(), e.getMessage().contains("thing") && e.getMessage().contains("not installed"));
    }
}
