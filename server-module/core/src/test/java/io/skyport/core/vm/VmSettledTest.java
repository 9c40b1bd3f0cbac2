package io.skyport.core.vm;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.Test;

/**
 * Which VMs of a listing are read again after the pending jobs were read: only those that look
 * stopped with nothing pending and changed a moment ago, where a deploy or start job may have
 * ended between the two reads.
 */
public class VmSettledTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static Vm vm(VmState state, Instant updated) {
        return new Vm(1, "vm-1", "n", "n", 2, 1, 1, null, null, 1, 1, "Simulator", 1, 1000, 512, state, null, null, 0,
                updated, updated);
    }

    @Test
    public void aJustChangedStoppedVmWithNothingPendingIsReadAgain() {
        assertTrue(VmDao.mayHaveMoved(vm(VmState.Stopped, NOW.minusSeconds(1)), Set.of(), NOW));
    }

    @Test
    public void theOthersAreKeptAsRead() {
        assertFalse("its job is still pending", VmDao.mayHaveMoved(vm(VmState.Stopped, NOW.minusSeconds(1)),
                Set.of("vm-1"), NOW));
        assertFalse("stopped long ago", VmDao.mayHaveMoved(vm(VmState.Stopped, NOW.minusSeconds(600)), Set.of(), NOW));
        for (VmState s : VmState.values()) {
            if (s != VmState.Stopped) {
                assertFalse(s.name(), VmDao.mayHaveMoved(vm(s, NOW), Set.of(), NOW));
            }
        }
    }
}
