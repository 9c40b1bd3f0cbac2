package io.skyport.core.cluster;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only crash points. With the system property {@code skyport.fault.halt} (or the variable
 * {@code SKYPORT_FAULT_HALT}) set to {@code name} or {@code name@n}, the n-th time (default the
 * first) the code passes the point of that name the JVM halts at once, as after {@code kill -9}:
 * no shutdown hook, no finally block, no draining. Crash tests use it to stop the server between
 * two writes that a real crash could also separate. Unset (always, outside those tests) a point
 * costs one field read.
 */
public final class FaultPoint {
    /** The exit status of a halt, what a shell reports for SIGKILL. */
    public static final int HALT_STATUS = 137;
    private static final String NAME;
    private static final int NTH;
    private static final AtomicInteger HITS = new AtomicInteger();

    static {
        String spec = System.getProperty("skyport.fault.halt", System.getenv("SKYPORT_FAULT_HALT"));
        if (spec == null || spec.isBlank()) {
            NAME = null;
            NTH = 0;
        } else {
            int at = spec.indexOf('@');
            NAME = (at < 0 ? spec : spec.substring(0, at)).trim();
            NTH = at < 0 ? 1 : Integer.parseInt(spec.substring(at + 1).trim());
        }
    }

    private FaultPoint() {
    }

    /** Halts the JVM if this is the configured point and its configured pass. */
    public static void hit(String name) {
        if (NAME != null && NAME.equals(name) && HITS.incrementAndGet() == NTH) {
            // stderr is unbuffered; the test reads this line to know the halt was the planned one
            System.err.println("skyport-fault-halt " + name + "@" + NTH);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
