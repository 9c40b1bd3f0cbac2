package io.skyport.app.cluster;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skyport cluster delete NAME}: deletes every node carrying the cluster's tag/label, waits
 * until the listing no longer shows them, then the group/firewall rules and the registered key.
 * Running it again, or on a half-made cluster, deletes what is left and succeeds.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a cluster's nodes, rules and key")
final class ClusterDelete extends ClusterSubcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--timeout", defaultValue = "600", description = "seconds to wait for the nodes to go "
            + "(default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    int run(ClusterApi api, PrintWriter out, Progress progress) {
        ClusterSpec.checkName(name);
        List<NodeStatus> nodes = api.nodes(name);
        api.deleteNodes(nodes);
        nodes.forEach(n -> progress.node(n.name(), "deleting"));
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        Set<String> left = new HashSet<>(nodes.stream().map(NodeStatus::name).toList());
        Set<String> submitted = new HashSet<>(nodes.stream().map(NodeStatus::id).toList());
        while (true) {
            List<NodeStatus> now = api.nodes(name);
            Set<String> still = new HashSet<>(now.stream().map(NodeStatus::name).toList());
            left.stream().filter(n -> !still.contains(n)).forEach(n -> progress.node(n, "gone"));
            now.forEach(n -> progress.node(n.name(), n.state()));
            left = still;
            if (still.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterException(still.size() + " nodes still listed after " + timeoutSeconds + "s: "
                        + String.join(", ", still));
            }
            // a node that appeared since (a create still submitting) is deleted too, once
            List<NodeStatus> added = now.stream().filter(n -> submitted.add(n.id())).toList();
            api.deleteNodes(added);
            added.forEach(n -> progress.node(n.name(), "deleting"));
            NativeCalls.sleep(500);
        }
        api.deleteShared(name);
        out.println("cluster " + name + ": deleted " + nodes.size() + " nodes and what was left of its rules and key");
        return 0;
    }
}
