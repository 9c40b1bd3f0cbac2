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
            Running, EnumSet.of(Stopping, Stopped, Error),
            Stopping, EnumSet.of(Stopped, Running, Error),
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
