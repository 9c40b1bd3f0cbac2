package io.skyport.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.app.client.Ec2RequestSigner;
import io.skyport.app.client.GceServiceAccount;
import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Soak of a two-node cluster: two management servers, each its own JVM, on one scratch MariaDB
 * database, loopback only. Mixed traffic (native signed calls, EC2 DescribeInstances signed with
 * SigV4, GCE aggregated instance lists with an OAuth token, a few deploys and destroys) first to
 * node 1 only, then spread over both, for the same time: the throughput ratio comes from one run.
 * Then the same traffic goes on until the soak time is up; each node's heap after a full GC is
 * read after one minute and at the end. Bounded in time: every phase has a fixed length.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Mixed-API soak on one node and two nodes of one MariaDB database")
public final class SoakBench implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--minutes", description = "soak length in minutes, heap compared after 1 and after this (default 2)")
    int minutes = 2;
    @Option(names = "--phase-seconds", description = "length of each throughput phase, one node then two (default 30)")
    int phaseSeconds = 30;
    @Option(names = "--clients", description = "concurrent clients (default 8)")
    int clients = 8;
    @Option(names = "--db-url", description = "MariaDB server URL, a scratch database is made there (default "
            + "$SKYPORT_IT_MARIADB_URL or jdbc:mariadb://127.0.0.1:3306/)")
    String dbUrl = env("SKYPORT_IT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    @Option(names = "--db-user", description = "default $SKYPORT_IT_MARIADB_USER or skyport")
    String dbUser = env("SKYPORT_IT_MARIADB_USER", "skyport");
    @Option(names = "--db-password", description = "default $SKYPORT_IT_MARIADB_PASSWORD or skyport")
    String dbPassword = env("SKYPORT_IT_MARIADB_PASSWORD", "skyport");
    @Option(names = "--heap", description = "each node's -Xmx (default 512m)")
    String heap = "512m";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<String> vms = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SoakBench()).execute(args));
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    /** One management server in its own JVM, on the bench jar's class path. */
    private final class Node implements AutoCloseable {
        final Path home;
        final int port;
        final Process process;

        Node(String name, Map<String, String> env) throws Exception {
            home = Files.createTempDirectory("skyport-soak-" + name);
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-Dskyport.log.level=WARN", "-cp", System.getProperty("java.class.path"),
                    "io.skyport.app.Main");
            pb.environment().putAll(env);
            pb.environment().put("SKYPORT_HOME", home.toString());
            pb.environment().put("SKYPORT_PORT", Integer.toString(port));
            pb.environment().put("SKYPORT_BIND", "127.0.0.1");
            pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
            process = pb.start();
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        void awaitUp(boolean first) throws Exception {
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node exited: " + Files.readString(home.resolve("server.log")));
                }
                try {
                    int s = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (s == 200 && (!first || Files.exists(home.resolve("cloudstack.ini")))) {
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("node did not start: " + Files.readString(home.resolve("server.log")));
        }

        /** Heap in use after a full collection (jcmd GC.run), from the node's own /metrics. */
        long heapAfterGc() throws Exception {
            new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)$")
                    .matcher(metrics);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
            try (var walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** What one phase measured. */
    record Phase(String name, long ops, long errors, double seconds, long p99Micros) {
        double perSecond() {
            return ops / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        String db = "skyport_soak_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        Properties p = new Properties();
        p.setProperty("user", dbUser);
        p.setProperty("password", dbPassword);
        try (Connection c = DriverManager.getConnection(dbUrl, p); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base = dbUrl.endsWith("/") ? dbUrl : dbUrl + "/";
        Map<String, String> env = Map.of("SKYPORT_DB_URL", base + db, "SKYPORT_DB_USER", dbUser,
                "SKYPORT_DB_PASSWORD", dbPassword, "SKYPORT_SECRET_KEY", Base64.getEncoder().encodeToString(key),
                "SKYPORT_DB_POOL", "16");
        try (Node one = new Node("node1", env)) {
            one.awaitUp(true);
            try (Node two = new Node("node2", env)) {
                two.awaitUp(false);
                return soak(one, two);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(dbUrl, p); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    private int soak(Node one, Node two) throws Exception {
        Properties ini = new Properties();
        try (var in = Files.newBufferedReader(one.home.resolve("cloudstack.ini"))) {
            ini.load(in);
        }
        String apiKey = ini.getProperty("key").trim();
        String secret = ini.getProperty("secret").trim();
        NativeApiClient admin = new NativeApiClient(http, one.base(), apiKey, secret);
        JsonObject keyAnswer = admin.call("createGceServiceAccountKey");
        GceServiceAccount account = GceServiceAccount.fromNativeAnswer(keyAnswer);
        String token = account.accessToken(http);
        Traffic traffic = new Traffic(apiKey, secret, account.project(), token, ids(admin));
        System.out.printf("soak: node 1 %s, node 2 %s, %d clients%n", one.base(), two.base(), clients);

        Phase single = run("one node", List.of(one.base()), traffic, Duration.ofSeconds(phaseSeconds));
        Phase both = run("two nodes", List.of(one.base(), two.base()), traffic, Duration.ofSeconds(phaseSeconds));
        long elapsed = 2L * phaseSeconds;
        List<Phase> soakPhases = new ArrayList<>();
        if (elapsed < 60) {
            soakPhases.add(run("soak to 1 min", List.of(one.base(), two.base()), traffic,
                    Duration.ofSeconds(60 - elapsed)));
            elapsed = 60;
        }
        long[] heapAt1 = {one.heapAfterGc(), two.heapAfterGc()};
        long rest = Math.max(0, minutes * 60L - elapsed);
        if (rest > 0) {
            soakPhases.add(run("soak to " + minutes + " min", List.of(one.base(), two.base()), traffic,
                    Duration.ofSeconds(rest)));
        }
        long[] heapAtEnd = {one.heapAfterGc(), two.heapAfterGc()};

        StringBuilder out = new StringBuilder("# Soak: mixed native/EC2/GCE traffic, one node vs two\n\n");
        out.append("| phase | requests | errors | requests/s | p99 ms |\n|---|---|---|---|---|\n");
        List<Phase> all = new ArrayList<>(List.of(single, both));
        all.addAll(soakPhases);
        for (Phase ph : all) {
            out.append(String.format("| %s | %d | %d | %.1f | %.1f |%n", ph.name(), ph.ops(), ph.errors(),
                    ph.perSecond(), ph.p99Micros() / 1000.0));
        }
        out.append(String.format("%nTwo nodes / one node throughput: **%.2f×** (%d clients, %d s per phase, both "
                + "nodes and the clients on this machine's %d cores).%n", both.perSecond() / single.perSecond(), clients,
                phaseSeconds, Runtime.getRuntime().availableProcessors()));
        out.append(String.format("%nHeap after a full GC, node 1 / node 2: after 1 min %.1f / %.1f MiB, after %d min "
                + "%.1f / %.1f MiB.%n", heapAt1[0] / 1048576.0, heapAt1[1] / 1048576.0, minutes,
                heapAtEnd[0] / 1048576.0, heapAtEnd[1] / 1048576.0));
        System.out.print(out);
        Path report = Path.of("tools/bench/target/soak-report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
        System.out.println("soak: report written to " + report);
        return 0;
    }

    private static String[] ids(NativeApiClient admin) throws Exception {
        String zone = admin.call("listZones").getAsJsonArray("zone").get(0).getAsJsonObject().get("id").getAsString();
        String offering = admin.call("listServiceOfferings").getAsJsonArray("serviceoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
        String template = admin.call("listTemplates", "templatefilter", "featured").getAsJsonArray("template").get(0)
                .getAsJsonObject().get("id").getAsString();
        return new String[] {zone, offering, template};
    }

    /** The request mix; every request freshly signed. */
    private final class Traffic {
        final RequestSigner nativeSigner;
        final Ec2RequestSigner ec2Signer;
        final String project;
        final String token;
        final String[] ids;

        Traffic(String apiKey, String secret, String project, String token, String[] ids) {
            this.nativeSigner = new RequestSigner(apiKey, secret);
            this.ec2Signer = new Ec2RequestSigner(apiKey, secret);
            this.project = project;
            this.token = token;
            this.ids = ids;
        }

        /** One request to {@code base}; true when it succeeded. */
        boolean one(String base) throws IOException, InterruptedException {
            int pick = ThreadLocalRandom.current().nextInt(100);
            HttpRequest request;
            if (pick < 35) {
                request = nativeGet(base, "listVirtualMachines", "listall", "true");
            } else if (pick < 45) {
                request = nativeGet(base, "listZones");
            } else if (pick < 70) {
                request = ec2Signer.request(URI.create(base + "/ec2"), "DescribeInstances", Map.of());
            } else if (pick < 95) {
                request = HttpRequest.newBuilder(URI.create(base + "/compute/v1/projects/" + project
                        + "/aggregated/instances")).header("Authorization", "Bearer " + token).GET().build();
            } else {
                request = write(base);
            }
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && request.uri().getQuery() != null
                    && request.uri().getQuery().contains("command=deployVirtualMachine")) {
                JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
                vms.add(o.getAsJsonObject(o.keySet().iterator().next()).get("id").getAsString());
            }
            return r.statusCode() == 200;
        }

        /** A deploy while few VMs exist, otherwise the destroy of the oldest: the fleet stays small. */
        private HttpRequest write(String base) {
            String old = vms.size() >= 20 ? vms.poll() : null;
            return old != null ? nativeGet(base, "destroyVirtualMachine", "id", old, "expunge", "true")
                    : nativeGet(base, "deployVirtualMachine", "zoneid", ids[0], "serviceofferingid", ids[1],
                    "templateid", ids[2]);
        }

        private HttpRequest nativeGet(String base, String command, String... kv) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("command", command);
            params.put("response", "json");
            for (int i = 0; i + 1 < kv.length; i += 2) {
                params.put(kv[i], kv[i + 1]);
            }
            return HttpRequest.newBuilder(URI.create(base + "/client/api?" + nativeSigner.signedQuery(params)))
                    .timeout(Duration.ofSeconds(30)).GET().build();
        }
    }

    private Phase run(String name, List<String> bases, Traffic traffic, Duration length) throws InterruptedException {
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    String base = bases.get((client + n) % bases.size());
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = traffic.one(base);
                    } catch (IOException e) {
                        ok = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (n < mine.length) {
                        mine[n] = (System.nanoTime() - t0) / 1000;
                    }
                    n++;
                    (ok ? ops : errors).incrementAndGet();
                }
                mine[mine.length - 1] = n;
            }, "soak-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        for (long[] mine : latencies) {
            long n = Math.min(mine[mine.length - 1], mine.length - 1);
            for (int i = 0; i < n; i++) {
                all.add(mine[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        long p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
        Phase phase = new Phase(name, ops.get(), errors.get(), seconds, p99);
        System.out.printf("soak: %s: %d requests (%d errors) in %.0f s, %.1f/s, p99 %.1f ms%n", name, phase.ops(),
                phase.errors(), seconds, phase.perSecond(), p99 / 1000.0);
        return phase;
    }
}
