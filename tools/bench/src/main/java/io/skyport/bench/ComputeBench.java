package io.skyport.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.api.auth.SignatureVerifier;
import io.skyport.app.SkyportServer;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.infra.ZoneDao;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Compute-core benchmark on an in-process server (embedded H2, zero-latency simulator):
 * deploy throughput for N VMs through the signed API, submit-to-done latency of one
 * sequential deploy, and the cost of a listVirtualMachines page at 100,000 VMs as a ratio of
 * the cost at 1,000 VMs, all measured in one run.
 */
@Command(name = "compute-bench", mixinStandardHelpOptions = true,
        description = "Deploy throughput, deploy latency and list paging cost of the compute core")
public final class ComputeBench implements Callable<Integer> {
    @Option(names = "--vms", description = "VMs deployed for the throughput phase (default ${DEFAULT-VALUE})")
    int vms = 1000;

    @Option(names = "--threads", description = "concurrent API clients (default ${DEFAULT-VALUE})")
    int threads = 16;

    @Option(names = "--sequential", description = "sequential deploys timed one by one (default ${DEFAULT-VALUE})")
    int sequential = 30;

    @Option(names = "--large", description = "VM count of the large list phase (default ${DEFAULT-VALUE})")
    int large = 100_000;

    @Option(names = "--list-calls", description = "list calls timed per size (default ${DEFAULT-VALUE})")
    int listCalls = 300;

    @Option(names = "--out", description = "also write the Markdown report to this file")
    Path out;

    @Mixin
    ServerOptions serverOptions = new ServerOptions();

    private final HttpClient http = NativeApiClient.newHttpClient();
    private String base;
    private String apiKey;
    private String secret;
    private String zone;
    private String offering;
    private String template;

    public static void main(String[] args) {
        // before any logger exists: the server's per-event INFO lines would dominate the run
        System.setProperty("skyport.log.level", System.getProperty("skyport.log.level", "WARN"));
        System.exit(new CommandLine(new ComputeBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("skyport-bench");
        Map<String, String> config = serverOptions.config(Map.of("skyport.port", "0", "skyport.bind", "127.0.0.1"));
        SkyportServer server = new SkyportServer(ServerConfig.of(home, config)).start();
        try {
            base = "http://127.0.0.1:" + server.port() + "/client/api";
            apiKey = server.bootstrap().apiKey();
            secret = server.bootstrap().secretKey();
            zone = server.coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
            offering = server.coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
            template = server.coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null, null)
                    .get(0).uuid();
            List<String> rows = new ArrayList<>();
            rows.add("| measure | value | target |");
            rows.add("|---|---|---|");
            double throughput = deployThroughput();
            rows.add(String.format("| deploy throughput, %d VMs, %d clients | %.1f VMs/s | >= 100 VMs/s |", vms,
                    threads, throughput));
            double[] latency = sequentialLatency();
            rows.add(String.format("| sequential deploy, submit to done (median / p90 of %d) | %.1f ms / %.1f ms "
                    + "| <= 200 ms |", sequential, latency[0], latency[1]));
            double small = listPageCost();
            seed(server.coreBean(JdbcTemplate.class), large - count());
            double big = listPageCost();
            rows.add(String.format("| listVirtualMachines page (pagesize 20) at %d VMs | %.2f ms | |", vms, small));
            rows.add(String.format("| listVirtualMachines page (pagesize 20) at %d VMs | %.2f ms | |", large, big));
            rows.add(String.format("| page cost ratio %d / %d VMs | %.2f | <= 1.5 |", large, vms, big / small));
            String report = String.join("\n", rows) + "\n";
            System.out.println();
            System.out.print(report);
            if (out != null) {
                Files.writeString(out, report);
            }
            return 0;
        } finally {
            server.close();
        }
    }

    private double deployThroughput() throws Exception {
        progress("deploying " + vms + " VMs with " + threads + " clients");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            int n = i;
            submitted.add(pool.submit(() -> deploy("bench-" + n)));
        }
        List<String> jobs = new ArrayList<>();
        for (Future<String> f : submitted) {
            jobs.add(f.get());
        }
        List<Future<Integer>> done = new ArrayList<>();
        for (String job : jobs) {
            // clients poll a job about four times a second (cs and libcloud poll every few seconds):
            // faster polling would measure the polls, not the deploys
            done.add(pool.submit(() -> awaitJob(job, 250)));
        }
        int ok = 0;
        for (int i = 0; i < done.size(); i++) {
            ok += done.get(i).get() == 1 ? 1 : 0;
            if ((i + 1) % 250 == 0) {
                progress("  " + (i + 1) + "/" + vms + " deploys finished");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (ok != vms) {
            throw new IllegalStateException((vms - ok) + " deploys failed");
        }
        return vms / seconds;
    }

    private double[] sequentialLatency() throws Exception {
        progress("timing " + sequential + " sequential deploys");
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            long start = System.nanoTime();
            String job = deploy("seq-" + i);
            if (awaitJob(job, 1) != 1) {
                throw new IllegalStateException("sequential deploy failed");
            }
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return new double[] {ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.9) - 1)};
    }

    private double listPageCost() throws Exception {
        progress("timing " + listCalls + " listVirtualMachines pages at " + count() + " VMs");
        // warm-up as long as the measurement, so both sizes are timed on compiled code
        for (int i = 0; i < listCalls; i++) {
            call(Map.of("command", "listVirtualMachines", "pagesize", "20", "page", "1"));
        }
        long start = System.nanoTime();
        for (int i = 0; i < listCalls; i++) {
            JsonObject r = call(Map.of("command", "listVirtualMachines", "pagesize", "20", "page", "1"));
            if (r.getAsJsonArray("virtualmachine").size() != 20) {
                throw new IllegalStateException("short page: " + r);
            }
        }
        return (System.nanoTime() - start) / 1e6 / listCalls;
    }

    private long count() throws Exception {
        return call(Map.of("command", "listVirtualMachines", "pagesize", "1")).get("count").getAsLong();
    }

    /** Adds stopped VM rows straight to the database, counters included, to reach the large size fast. */
    private void seed(JdbcTemplate jdbc, long n) {
        progress("seeding " + n + " more VM rows");
        Map<String, Object> proto = jdbc.queryForMap("SELECT * FROM vms WHERE removed IS NULL ORDER BY id LIMIT 1");
        List<Object[]> batch = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            String uuid = UUID.randomUUID().toString();
            batch.add(new Object[] {uuid, "seed-" + i, "seed-" + i, proto.get("account_id"), proto.get("domain_id"),
                    proto.get("zone_id"), proto.get("service_offering_id"), proto.get("template_id"),
                    proto.get("hypervisor"), proto.get("cpus"), proto.get("cpu_speed"), proto.get("memory_mb"),
                    proto.get("created"), proto.get("updated")});
            if (batch.size() == 5000 || i == n - 1) {
                jdbc.batchUpdate("INSERT INTO vms (uuid, name, display_name, account_id, domain_id, zone_id, "
                        + "service_offering_id, template_id, hypervisor, cpus, cpu_speed, memory_mb, state, "
                        + "update_count, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Stopped', 0, "
                        + "?, ?)", batch);
                batch.clear();
            }
        }
        jdbc.update("UPDATE resource_counts SET amount = amount + ? WHERE account_id = ? AND resource_type = 'vm_rows'",
                n, proto.get("account_id"));
    }

    private String deploy(String name) throws Exception {
        JsonObject r = call(Map.of("command", "deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", name));
        if (!r.has("jobid")) {
            throw new IllegalStateException("deploy refused: " + r);
        }
        return r.get("jobid").getAsString();
    }

    /** Polls until the job finishes; returns its jobstatus. */
    private int awaitJob(String job, long pollMillis) throws Exception {
        while (true) {
            JsonObject r = call(Map.of("command", "queryAsyncJobResult", "jobid", job));
            int status = r.get("jobstatus").getAsInt();
            if (status != 0) {
                return status;
            }
            Thread.sleep(pollMillis);
        }
    }

    private JsonObject call(Map<String, String> params) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("response", "json");
        p.put("apiKey", apiKey);
        p.put("signature", SignatureVerifier.sign(p, secret));
        StringBuilder q = new StringBuilder();
        p.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "?" + q)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        JsonObject inner = o.get(o.keySet().iterator().next()).getAsJsonObject();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return inner;
    }

    private static void progress(String line) {
        System.err.println("[compute-bench] " + line);
    }
}
