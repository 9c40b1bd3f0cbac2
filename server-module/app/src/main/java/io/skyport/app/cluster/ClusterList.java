package io.skyport.app.cluster;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code skyport cluster list}: every cluster the caller's nodes are tagged with, and its node counts. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List clusters (found by their tags/labels)")
final class ClusterList extends ClusterSubcommand {
    @Override
    int run(ClusterApi api, PrintWriter out, Progress progress) {
        Map<String, List<NodeStatus>> clusters = new TreeMap<>(api.nodes(null).stream()
                .collect(Collectors.groupingBy(NodeStatus::cluster)));
        out.printf("%-24s %7s %7s %7s%n", "NAME", "CONTROL", "WORKERS", "RUNNING");
        clusters.forEach((name, nodes) -> out.printf("%-24s %7d %7d %7d%n", name,
                nodes.stream().filter(n -> n.role() == Role.CONTROL).count(),
                nodes.stream().filter(n -> n.role() == Role.WORKER).count(),
                nodes.stream().filter(n -> ClusterApi.running(n.state())).count()));
        return 0;
    }
}
