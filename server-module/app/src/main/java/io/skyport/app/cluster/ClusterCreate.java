package io.skyport.app.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skyport cluster create NAME}: makes the group and key, submits every node, waits until all run. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a cluster and wait until its nodes run")
final class ClusterCreate extends ClusterSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "cluster name: lower-case letters, digits, dashes")
    String name;

    @Option(names = "--control", defaultValue = "3", description = "control nodes (default: ${DEFAULT-VALUE})")
    int control;

    @Option(names = "--workers", defaultValue = "5", description = "workers (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--zone", description = "zone name or id (default: the first the API lists)")
    String zone;

    @Option(names = "--offering", description = "service offering / instance type / machine type (default: the first)")
    String offering;

    @Option(names = "--template", description = "template / image name or id (default: the first)")
    String template;

    @Option(names = "--keypair", description = "existing key pair to inject")
    String keypair;

    @Option(names = "--public-key", paramLabel = "FILE", description = "OpenSSH public key file to register as the "
            + "cluster's key pair (deleted with the cluster)")
    Path publicKey;

    @Option(names = "--discovery", paramLabel = "URL", description = "etcd discovery URL (default: static peers, "
            + "the control nodes by name)")
    String discovery;

    @Option(names = "--ssh-cidr", defaultValue = "0.0.0.0/0", description = "where SSH (TCP 22) may come from "
            + "(default: ${DEFAULT-VALUE})")
    String sshCidr;

    @Option(names = "--internal-cidr", description = "GCE only: the guest network's CIDR, the source of the "
            + "cluster's internal firewall rule (GCE here takes source ranges, not source tags)")
    String internalCidr;

    @Option(names = "--timeout", defaultValue = "600", description = "seconds to wait for every node to run "
            + "(default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    int run(ClusterApi api, PrintWriter out, Progress progress) {
        ClusterSpec spec = new ClusterSpec(name, control, workers, zone, offering, template, keypair, readKey(),
                discovery, sshCidr, internalCidr);
        List<NodeStatus> existing = api.nodes(spec.name());
        if (!existing.isEmpty()) {
            throw new ClusterException("cluster " + spec.name() + " already has " + existing.size()
                    + " nodes: delete it first");
        }
        progress.step("cluster " + spec.name() + ": security group " + ClusterSpec.groupName(spec.name())
                + " and key pair");
        api.prepare(spec);
        CloudConfig templates = CloudConfig.bundled();
        for (ClusterNode node : spec.nodes()) {
            api.launch(spec, node, templates.render(spec, node));
            progress.node(node.name(), "submitted (" + node.role().label() + ")");
        }
        List<NodeStatus> up = awaitRunning(api, spec, progress, Duration.ofSeconds(timeoutSeconds));
        up.forEach(n -> out.printf("%-28s %-8s %-10s %s%n", n.name(), n.role().label(), n.state(), n.address()));
        progress.step("cluster " + spec.name() + ": " + up.size() + " nodes running");
        return 0;
    }

    private static List<NodeStatus> awaitRunning(ClusterApi api, ClusterSpec spec, Progress progress, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> wanted = spec.nodes().stream().map(ClusterNode::name).toList();
        while (true) {
            Map<String, NodeStatus> byName = api.nodes(spec.name()).stream()
                    .collect(Collectors.toMap(NodeStatus::name, Function.identity(), (a, b) -> a));
            byName.values().forEach(n -> progress.node(n.name(), n.state()));
            List<NodeStatus> failed = byName.values().stream().filter(n -> ClusterApi.failed(n.state())).toList();
            if (!failed.isEmpty()) {
                throw new ClusterException("nodes did not come up: " + failed.stream().map(n -> n.name() + " "
                        + n.state()).collect(Collectors.joining(", ")) + " (cluster delete " + spec.name()
                        + " removes what was made)");
            }
            if (wanted.stream().allMatch(w -> byName.containsKey(w) && ClusterApi.running(byName.get(w).state()))) {
                return wanted.stream().map(byName::get).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterException("not every node runs after " + timeout.toSeconds() + "s");
            }
            NativeCalls.sleep(500);
        }
    }

    private String readKey() {
        if (publicKey == null) {
            return null;
        }
        try {
            return Files.readString(publicKey).trim();
        } catch (IOException e) {
            throw new ClusterException("cannot read --public-key " + publicKey + ": " + e.getMessage());
        }
    }
}
