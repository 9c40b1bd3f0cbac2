package io.skyport.app.cluster;

import java.util.List;
import java.util.Locale;

/**
 * One API a cluster is made through (native, EC2 or GCE). The commands drive the same steps
 * through each: shared resources first, then one submission per node, then polling the listing
 * (which finds nodes by their cluster tag/label) until every node is up or gone.
 */
public interface ClusterApi {
    /** Tag key (native, EC2) / label key (GCE) holding the cluster name. */
    String CLUSTER_TAG = "skyport-cluster";
    /** Tag/label key holding the node's role. */
    String ROLE_TAG = "skyport-role";

    /** The security group (or firewall rules) with the cluster's ports, and the key pair if one is given as a file. */
    void prepare(ClusterSpec spec);

    /** Submits one node; returns without waiting for it to run. */
    void launch(ClusterSpec spec, ClusterNode node, String userData);

    /** Every node carrying the cluster tag/label, of {@code cluster} or of every cluster when it is null. */
    List<NodeStatus> nodes(String cluster);

    /** Submits the deletion of the nodes; returns without waiting for them to go. */
    void deleteNodes(List<NodeStatus> nodes);

    /** Deletes the cluster's group/firewall rules and its registered key pair; absent ones are no error. */
    void deleteShared(String cluster);

    /** The cluster's rules as {@code protocol from-to source} lines, for {@code cluster status}. */
    List<String> rules(String cluster);

    static boolean running(String state) {
        return "running".equals(state.toLowerCase(Locale.ROOT));
    }

    /** A state the node will not leave by itself towards running. */
    static boolean failed(String state) {
        String s = state.toLowerCase(Locale.ROOT);
        return s.equals("error") || s.equals("terminated") || s.equals("stopped") || s.equals("expunging")
                || s.equals("destroyed");
    }
}
