package io.skyport.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Closed-loop load for a fixed time or a fixed number of requests: N workers, each sending its
 * next request as soon as the previous answer is read. Workers stop starting requests at the
 * deadline (or when the requests are used up); a request in flight then is still waited for (at
 * most the request timeout), so a phase always ends by itself.
 */
final class LoadPhase {
    private final HttpClient http;
    private final int threads;

    LoadPhase(HttpClient http, int threads) {
        this.http = http;
        this.threads = threads;
    }

    PhaseResult run(int number, int round, Workload workload, Duration duration, boolean warmup) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        return run(number, round, workload, () -> System.nanoTime() < deadline, warmup);
    }

    /** Like {@link #run(int, int, Workload, Duration, boolean)}, but for a fixed number of requests in all. */
    PhaseResult run(int number, int round, Workload workload, long requests, boolean warmup) throws InterruptedException {
        AtomicLong left = new AtomicLong(requests);
        return run(number, round, workload, () -> left.getAndDecrement() > 0, warmup);
    }

    private PhaseResult run(int number, int round, Workload workload, BooleanSupplier more, boolean warmup)
            throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(workload, more);
            w.thread = new Thread(w, "bench-" + i);
            w.thread.setDaemon(true);
            workers.add(w);
        }
        workers.forEach(w -> w.thread.start());
        for (Worker w : workers) {
            w.thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long ok = 0;
        long errors = 0;
        Map<String, Long> kinds = new TreeMap<>();
        List<LatencyLog> logs = new ArrayList<>();
        List<LatencyLog> exchangeLogs = new ArrayList<>();
        for (Worker w : workers) {
            ok += w.ok;
            errors += w.errors.values().stream().mapToLong(AtomicLong::get).sum();
            w.errors.forEach((k, v) -> kinds.merge(k, v.get(), Long::sum));
            logs.add(w.latencies);
            exchangeLogs.add(w.exchanges);
        }
        long[] sorted = LatencyLog.sortedUnion(logs);
        double cpuPerRequest = sorted.length == 0 || cpu < 0 ? 0 : cpu / 1e3 / sorted.length;
        return new PhaseResult(number, round, workload.name(), warmup, ok, errors, seconds,
                LatencyLog.percentileMillis(sorted, 50), LatencyLog.percentileMillis(sorted, 90),
                LatencyLog.percentileMillis(sorted, 99), cpuPerRequest, kinds, sorted,
                LatencyLog.sortedUnion(exchangeLogs));
    }

    /**
     * CPU time of this JVM (load generator, and the server when it runs in-process). Per request
     * it is far less sensitive than throughput to other processes competing for the cores.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private final class Worker implements Runnable {
        private final Workload workload;
        private final BooleanSupplier more;
        private final LatencyLog latencies = new LatencyLog();
        private final LatencyLog exchanges = new LatencyLog();
        private final Map<String, AtomicLong> errors = new TreeMap<>();
        private long ok;
        private Thread thread;

        Worker(Workload workload, BooleanSupplier more) {
            this.workload = workload;
            this.more = more;
        }

        @Override
        public void run() {
            while (more.getAsBoolean()) {
                long t0 = System.nanoTime();
                String error;
                try {
                    // the signature is part of what a client pays per request, so it is timed too
                    error = workload.send(http, exchanges);
                } catch (IOException e) {
                    error = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                latencies.add(System.nanoTime() - t0);
                if (error == null) {
                    ok++;
                } else {
                    errors.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                }
            }
        }
    }
}
