package io.skyport.app.cluster;

/**
 * A cluster node as an API lists it, found by its cluster tag/label.
 *
 * @param id      the API's own id (native UUID, EC2 instance id, GCE selfLink)
 * @param state   the API's state word (Running, running, RUNNING, ...)
 * @param address the guest address, or empty when it has none
 */
public record NodeStatus(String cluster, String name, Role role, String id, String state, String address) {
}
