package io.skyport.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load for a fixed time: N workers, each sending its next request as soon as the
 * previous answer is read. Workers stop starting requests at the deadline; a request in flight
 * then is still waited for (at most the request timeout), so a phase always ends by itself.
 */
final class LoadPhase {
    private final HttpClient http;
    private final int threads;

    LoadPhase(HttpClient http, int threads) {
        this.http = http;
        this.threads = threads;
    }

    PhaseResult run(int number, int round, Workload workload, Duration duration, boolean warmup) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(workload, deadline);
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
        for (Worker w : workers) {
            ok += w.ok;
            errors += w.errors.values().stream().mapToLong(AtomicLong::get).sum();
            w.errors.forEach((k, v) -> kinds.merge(k, v.get(), Long::sum));
            logs.add(w.latencies);
        }
        long[] sorted = LatencyLog.sortedUnion(logs);
        double cpuPerRequest = sorted.length == 0 || cpu < 0 ? 0 : cpu / 1e3 / sorted.length;
        return new PhaseResult(number, round, workload.name(), warmup, ok, errors, seconds,
                LatencyLog.percentileMillis(sorted, 50), LatencyLog.percentileMillis(sorted, 99), cpuPerRequest, kinds);
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
        private final long deadline;
        private final LatencyLog latencies = new LatencyLog();
        private final Map<String, AtomicLong> errors = new TreeMap<>();
        private long ok;
        private Thread thread;

        Worker(Workload workload, long deadline) {
            this.workload = workload;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                String error;
                try {
                    // the signature is part of what a client pays per request, so it is timed too
                    HttpResponse<byte[]> r = http.send(workload.next(), HttpResponse.BodyHandlers.ofByteArray());
                    error = r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
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
