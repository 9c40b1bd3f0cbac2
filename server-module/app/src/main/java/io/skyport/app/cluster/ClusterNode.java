package io.skyport.app.cluster;

/** A node to create: its host name and role. */
public record ClusterNode(String name, Role role) {
}
