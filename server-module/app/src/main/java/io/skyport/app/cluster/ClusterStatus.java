package io.skyport.app.cluster;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skyport cluster status NAME}: the nodes and the group's rules; status 3 when there is no such cluster. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a cluster's nodes and rules")
final class ClusterStatus extends ClusterSubcommand {
    static final int NO_SUCH_CLUSTER = 3;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    int run(ClusterApi api, PrintWriter out, Progress progress) {
        ClusterSpec.checkName(name);
        List<NodeStatus> nodes = api.nodes(name).stream().sorted(Comparator.comparing(NodeStatus::name)).toList();
        List<String> rules = api.rules(name);
        if (nodes.isEmpty() && rules.isEmpty()) {
            out.println("cluster " + name + ": no nodes, no rules");
            return NO_SUCH_CLUSTER;
        }
        long running = nodes.stream().filter(n -> ClusterApi.running(n.state())).count();
        out.println("cluster " + name + ": " + nodes.size() + " nodes, " + running + " running");
        nodes.forEach(n -> out.printf("  %-28s %-8s %-10s %s%n", n.name(), n.role() == null ? "?" : n.role().label(),
                n.state(), n.address()));
        out.println("rules:");
        rules.forEach(r -> out.println("  " + r));
        return 0;
    }
}
