package io.skyport.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The container benchmark's Markdown: a lifecycle table with its ratios per daemon, then the concurrency ramp. */
final class ContainerReport {
    private ContainerReport() {
    }

    static String render(String machine, ServerWarmup serverWarmup, List<LifecycleTimings> runs,
                         List<ConcurrencyRamp.Step> steps, String stopReason) {
        StringBuilder md = new StringBuilder();
        for (LifecycleTimings t : runs) {
            lifecycle(md, machine, serverWarmup, t);
        }
        md.append("### Concurrent containers on one host\n\n");
        md.append("| containers running | deploys/s in the step | listVirtualMachines page (ms, median) | "
                + "host memory available (MiB) |\n|---|---|---|---|\n");
        for (ConcurrencyRamp.Step s : steps) {
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %d |%n", s.running(), s.deploysPerSecond(),
                    s.listPageMillis(), s.memAvailableMib()));
        }
        md.append('\n').append(stopReason == null
                ? "Every step's containers all ran; the ramp stopped at its maximum (--max-containers).\n"
                : "The ramp stopped: " + stopReason + ".\n");
        return md.toString();
    }

    private static void lifecycle(StringBuilder md, String machine, ServerWarmup serverWarmup, LifecycleTimings t) {
        md.append("### Container lifecycle on ").append(t.title())
                .append(": Skyport's APIs against the daemon's API\n\n");
        md.append(String.format(Locale.ROOT, "%s, %s; %d timed cycles per side after %d warm-up cycles, sides "
                + "interleaved. The JIT compilers took %.0f%% of the wall time in the last 10 warm-up cycles and "
                + "%.0f%% in the timed ones. %s Measured %s.%n%n", machine, t.daemon(), t.of(t.raw()).create().size(),
                t.warmupCycles(), 100 * t.lastWarmupJitShare(), 100 * t.timedJitShare(), serverWarmup.describe(),
                LocalDate.now()));
        md.append("| operation | through | median ms | p90 ms | ratio to the daemon (median) | target |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (LifecycleSide s : t.sides()) {
            row(md, "create + start on " + t.title(), s, t.of(s).create(), s == t.raw() ? null : t.createRatio(s));
        }
        LifecycleTimings.Samples raw = t.of(t.raw());
        row(md, "kill on " + t.title(), t.raw(), raw.kill(), null);
        for (LifecycleSide s : t.sides()) {
            String op = s == t.raw() ? "remove" : s.removesContainer() ? "stop + remove" : "terminate (kill)";
            row(md, op + " on " + t.title(), s, t.of(s).remove(), s == t.raw() ? null : t.removeRatio(s));
        }
        md.append("\nCreate + start ends when the API says the instance runs (job done, instance state running, "
                + "operation DONE), and each container is then checked running on the daemon. Native jobs are "
                + "followed with queryAsyncJobResult's wait (answered when the job ends); RunInstances and "
                + "TerminateInstances wait for their job (ec2.state.change.wait.millis) and answer the state it "
                + "left, and an answer not yet running or terminated is followed by polling DescribeInstances every "
                + ContainerBench.POLL_MILLIS + " ms; GCE waits on its operation. The daemon's "
                + "removal is what the driver does for a destroy with expunge: one forced remove with its volumes on "
                + "Docker, a forced stop and a delete on LXD. The daemon side does what the driver does: resolve the image, create with the same "
                + "limits, put the same user-data and key files in, start. EC2's TerminateInstances kills the "
                + "container and leaves its removal to the expunger (EC2 lists terminated instances for a while), "
                + "so it is compared with the daemon's kill alone; the run expunges it, untimed, before the next "
                + "side starts, so no side shares the daemon with another's removal.\n\n");
    }

    private static void row(StringBuilder md, String op, LifecycleSide side, List<Double> ms, Double ratio) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %s |%n", op, side.name(),
                LifecycleTimings.median(ms), LifecycleTimings.percentile(ms, 0.9),
                ratio == null ? "1 (baseline)" : String.format(Locale.ROOT, "%.2f", ratio),
                ratio == null ? "" : (ratio <= ContainerBench.TARGET ? "<= 1.3 PASS" : "<= 1.3 MISSED")));
    }
}
