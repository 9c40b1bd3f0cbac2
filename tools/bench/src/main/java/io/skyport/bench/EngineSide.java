package io.skyport.bench;

/**
 * The baseline side of a lifecycle comparison: the daemon's own API. Its removal is timed as the
 * driver does it, and a kill alone is timed too, so each Skyport API is compared with what it
 * does (EC2's terminate only kills); it tells whether a container runs, for checking every side's claim.
 */
interface EngineSide extends LifecycleSide {
    /** The daemon, as the report names it: its version and storage. */
    String daemon() throws Exception;

    void kill(String handle) throws Exception;

    void delete(String handle) throws Exception;

    boolean running(String container) throws Exception;

    /** Whether the daemon still has the container (running or not). */
    boolean exists(String container) throws Exception;
}
