package io.skyport.bench;

/**
 * One way to make and remove a running container: straight through the engine's API, or through
 * one of Skyport's three APIs. {@link #create} returns once the container runs (as its API tells
 * a client: job done, instance running, operation DONE), {@link #remove} once it is gone as far
 * as that API is concerned.
 */
interface LifecycleSide {
    /** The row label in the report. */
    String name();

    /** Creates and starts one container; returns what {@link #remove} and {@link #containerName} need. */
    String create(String name) throws Exception;

    /** Stops and removes the container made by {@link #create}. */
    void remove(String handle) throws Exception;

    /** The engine's name of the container behind a handle, so the run can check it really runs. */
    String containerName(String handle) throws Exception;

    /**
     * Whether {@link #remove} returns with the container removed. EC2's TerminateInstances does
     * not: it kills the container and leaves it to the expunger, as EC2 lists terminated
     * instances for a while, so it is compared with the engine's kill alone.
     */
    default boolean removesContainer() {
        return true;
    }

    /**
     * Untimed, after {@link #remove}: what the server would do later for this API (EC2's expunge of
     * a terminated instance), done now, so the next side does not share the daemon with it.
     */
    default void clearAway(String handle) throws Exception {
    }
}
