package io.skyport.app.cluster;

/** An API refused a step, or the cluster did not come up: the message is for the operator. */
public class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }
}
