package io.skyport.core.vm;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The VM state machine: only the transitions listed here are allowed. */
public enum VmState {
    Stopped, Starting, Running, Stopping, Destroyed, Expunging, Error;

    private static final Map<VmState, Set<VmState>> NEXT = Map.of(
            Stopped, EnumSet.of(Starting, Destroyed, Expunging, Error),
            Starting, EnumSet.of(Running, Stopped, Error),
            // (a destroy with expunge moves a Running VM to Expunging itself: expunge alone must not)
            Running, EnumSet.of(Stopping, Stopped, Error),
            // Destroyed: a destroy of a running VM, whose stop commits it Destroyed at once
            Stopping, EnumSet.of(Stopped, Running, Destroyed, Error),
            Destroyed, EnumSet.of(Stopped, Expunging),
            Expunging, EnumSet.of(Expunging),
            Error, EnumSet.of(Expunging, Stopped));

    public boolean canMoveTo(VmState next) {
        return NEXT.get(this).contains(next);
    }

    /** States a VM passes through while an operation runs; recovery settles them. */
    public boolean transitional() {
        return this == Starting || this == Stopping || this == Expunging;
    }
}
