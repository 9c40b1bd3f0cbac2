package io.skyport.bench;

import com.github.dockerjava.api.DockerClient;
import io.skyport.container.ContainerLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * How many containers one host keeps running under the driver: VMs are deployed through the native
 * API a step at a time; after each step the engine is asked how many Skyport containers run (every
 * one deployed must), the API is timed on a page of the list, and the host's available memory is
 * read. The ramp stops at the maximum or at the first step that fails, and removes its VMs.
 */
final class ConcurrencyRamp {
    record Step(int running, double deploysPerSecond, double listPageMillis, long memAvailableMib) {
    }

    private final DockerClient docker;
    private final NativeApiClient tenant;
    private final Map<String, String> deployParams;
    private final int threads;
    private final Consumer<String> progress;
    private String stopReason;

    ConcurrencyRamp(DockerClient docker, NativeApiClient tenant, String zone, String offering, String template,
                    int threads, Consumer<String> progress) {
        this.docker = docker;
        this.tenant = tenant;
        this.deployParams = Map.of("zoneid", zone, "serviceofferingid", offering, "templateid", template);
        this.threads = threads;
        this.progress = progress;
    }

    List<Step> run(int max, int step) throws Exception {
        List<Step> steps = new ArrayList<>();
        int deployed = 0;
        try {
            while (deployed < max) {
                int n = Math.min(step, max - deployed);
                long start = System.nanoTime();
                try {
                    tenant.deploy(n, threads, "ramp" + steps.size(), deployParams, done -> { });
                } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
                    stopReason = "step " + (steps.size() + 1) + " (to " + (deployed + n) + " containers) failed: "
                            + e.getMessage();
                    progress.accept("ramp: " + stopReason);
                    break;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                deployed += n;
                int running = runningContainers();
                if (running != deployed) {
                    stopReason = deployed + " VMs deployed but " + running + " containers running";
                    progress.accept("ramp: " + stopReason);
                    break;
                }
                Step s = new Step(running, n / seconds, listPageMillis(), memAvailableMib());
                steps.add(s);
                progress.accept(String.format(java.util.Locale.ROOT, "ramp: %d containers running (%.1f deploys/s)",
                        running, s.deploysPerSecond()));
            }
        } finally {
            removeAll();
        }
        return steps;
    }

    String stopReason() {
        return stopReason;
    }

    private int runningContainers() {
        return docker.listContainersCmd().withLabelFilter(List.of(ContainerLayout.VM_LABEL))
                .withStatusFilter(List.of("running")).exec().size();
    }

    private double listPageMillis() throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long t = System.nanoTime();
            tenant.call("listVirtualMachines", "pagesize", "20", "page", "1");
            if (i >= 5) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        return LifecycleTimings.median(ms);
    }

    /** MemAvailable of this machine, which is the engine's when it is local (its unix socket). */
    static long memAvailableMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void removeAll() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            com.google.gson.JsonArray listed = tenant.call("listVirtualMachines", "pagesize", "500", "page",
                    Integer.toString(page)).getAsJsonArray("virtualmachine");
            if (listed == null || listed.isEmpty()) {
                break;
            }
            listed.forEach(vm -> ids.add(vm.getAsJsonObject().get("id").getAsString()));
        }
        progress.accept("ramp: removing " + ids.size() + " VMs");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(pool.submit(() -> {
                    String job = tenant.call("destroyVirtualMachine", "id", id, "expunge", "true").get("jobid")
                            .getAsString();
                    while (tenant.call("queryAsyncJobResult", "jobid", job).get("jobstatus").getAsInt() == 0) {
                        Thread.sleep(100);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
