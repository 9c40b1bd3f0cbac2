package io.skyport.app.cluster;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the subcommands share: the connection flags, and turning a refusal into one line on
 * stderr and exit status 1 instead of a stack trace.
 */
abstract class ClusterSubcommand implements Callable<Integer> {
    @Mixin
    ApiOptions connection;

    @Spec
    CommandSpec spec;

    abstract int run(ClusterApi api, PrintWriter out, Progress progress);

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Progress progress = new Progress(err);
            PrintWriter out = spec.commandLine().getOut();
            int status = run(connection.connect(), out, progress);
            out.flush();
            return status;
        } catch (ClusterException | IllegalArgumentException e) {
            err.println("skyport cluster: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
