package io.skyport.app.cluster;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skyport cluster}: groups the provisioner's subcommands; alone, it prints their usage. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Create, list, inspect and delete clusters of control nodes and workers (cloud-config "
                + "userdata, a security group with the cluster's ports, tags or labels per role) through the "
                + "native, EC2 or GCE API",
        subcommands = {ClusterCreate.class, ClusterList.class, ClusterStatus.class, ClusterDelete.class})
public final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
