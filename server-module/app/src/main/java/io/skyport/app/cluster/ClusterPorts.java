package io.skyport.app.cluster;

import java.util.List;

/**
 * The ports a cluster opens, the same through every API. Within the cluster (members of its
 * security group, or the internal CIDR on GCE, which has no source tags here): etcd client and
 * peer ports, the Kubernetes API server, the kubelet, and the VXLAN overlay's UDP port (the
 * Linux/flannel default 8472). SSH comes from the {@code --ssh-cidr} only.
 */
public final class ClusterPorts {
    /** One rule: protocol (tcp/udp), a port range, and why it is open. */
    public record Rule(String protocol, int from, int to, String purpose) {
        /** GCE's port syntax: {@code 2379-2380} or {@code 6443}. */
        public String range() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    public static final List<Rule> INTERNAL = List.of(
            new Rule("tcp", 2379, 2380, "etcd client and peer"),
            new Rule("tcp", 6443, 6443, "Kubernetes API server"),
            new Rule("tcp", 10250, 10250, "kubelet"),
            new Rule("udp", 8472, 8472, "VXLAN overlay"));

    public static final Rule SSH = new Rule("tcp", 22, 22, "SSH");

    private ClusterPorts() {
    }
}
