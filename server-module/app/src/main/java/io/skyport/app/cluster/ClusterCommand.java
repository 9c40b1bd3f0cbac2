package io.skyport.app.cluster;

import picocli.CommandLine.Command;

/** {@code skyport cluster}: groups the provisioner's subcommands. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Create, list, inspect and delete clusters of control nodes and workers (cloud-config "
                + "userdata, a security group with the cluster's ports, tags or labels per role) through the "
                + "native, EC2 or GCE API",
        subcommands = {ClusterCreate.class, ClusterList.class, ClusterStatus.class, ClusterDelete.class})
public final class ClusterCommand {
}
