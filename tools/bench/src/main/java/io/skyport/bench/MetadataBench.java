package io.skyport.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Request throughput of the metadata listener, as instances load it: {@code --vms} instances of
 * the simulator zone, each guest address added to {@code lo}, and clients that connect from a
 * random instance's address and ask IMDS (v1, and v2 with a session token) and the GCE metadata
 * server for that instance's id, one connection per request as a guest's curl does. Every answer
 * is checked against what that instance was first told, so an answer for the wrong instance
 * counts as an error. {@code /healthz} on the API port is measured in the same run as the
 * reference. Needs root (addresses on lo).
 */
@Command(name = "metadata-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Metadata listener throughput: IMDSv1, IMDSv2 and the GCE metadata server against /healthz")
public final class MetadataBench extends ListingBench {
    static final String IMDS_V1 = "IMDSv1 instance-id";
    static final String IMDS_V2 = "IMDSv2 instance-id";
    static final String GCE = "GCE instance/id";
    static final String GCE_TREE = "GCE ?recursive=true";

    private int metadataPort;
    private EmbeddedServer server;
    private final List<String> addresses = new ArrayList<>();
    private final Map<String, String> ec2Ids = new HashMap<>();
    private final Map<String, String> gceIds = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    public MetadataBench() {
        vms = 50;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MetadataBench()).execute(args));
    }

    @Override
    String tag() {
        return "metadata-bench";
    }

    @Override
    public Integer call() throws Exception {
        if (vms > 250 * 100) {
            progress("--vms must be at most 25000");
            return SETUP_ERROR;
        }
        Path home = EmbeddedServer.prepareHome();
        try (EmbeddedServer started = EmbeddedServer.start(home, serverOptions.config(Map.of()))) {
            server = started;
            metadataPort = server.metadataPort().orElseThrow(() -> new SetupException("the metadata listener is off"));
            return run(server.baseUrl(), server.apiKey(), server.secretKey());
        } catch (SetupException e) {
            progress("ABORTED: " + e.getMessage());
            return SETUP_ERROR;
        } finally {
            addresses.forEach(a -> ip("addr", "del", a + "/32", "dev", "lo"));
        }
    }

    @Override
    int run(String base, String adminKey, String adminSecret) throws Exception {
        NativeApiClient admin = new NativeApiClient(http, base, adminKey, adminSecret);
        // guest addresses of a block of their own, unlikely to be on lo for anything else on the machine
        int block = ThreadLocalRandom.current().nextInt(64, 250 - vms / 256);
        String networkId = admin.call("listNetworks").getAsJsonArray("network").get(0).getAsJsonObject().get("id")
                .getAsString();
        moveCursor(networkId, block);
        String[] keys = tenant(admin, "mdbench");
        NativeApiClient tenant = new NativeApiClient(http, base, keys[0], keys[1]);
        deployFleet(tenant, "mdbench");
        for (JsonElement e : tenant.call("listVirtualMachines").getAsJsonArray("virtualmachine")) {
            JsonObject vm = e.getAsJsonObject();
            String a = vm.getAsJsonArray("nic").get(0).getAsJsonObject().get("ipaddress").getAsString();
            ip("addr", "add", a + "/32", "dev", "lo");
            addresses.add(a);
        }
        if (addresses.size() != vms) {
            throw new SetupException("listed " + addresses.size() + " instances with addresses, expected " + vms);
        }
        for (String a : addresses) {
            ec2Ids.put(a, expect200(a, "GET", "/latest/meta-data/instance-id"));
            gceIds.put(a, expect200(a, "GET", "/computeMetadata/v1/instance/id", "Metadata-Flavor", "Google"));
            tokens.put(a, expect200(a, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "21600"));
        }
        if (new HashSet<>(ec2Ids.values()).size() != vms || new HashSet<>(gceIds.values()).size() != vms) {
            throw new SetupException("instances were told the same id");
        }
        progress(vms + " instances answer with distinct ids through IMDS and the GCE metadata server");
        List<Workload> workloads = List.of(Workload.healthz(base),
                new FromInstance(IMDS_V1, a -> get(a, "/latest/meta-data/instance-id"), ec2Ids),
                new FromInstance(IMDS_V2, a -> get(a, "/latest/meta-data/instance-id", "X-aws-ec2-metadata-token",
                        tokens.get(a)), ec2Ids),
                new FromInstance(GCE, a -> get(a, "/computeMetadata/v1/instance/id", "Metadata-Flavor", "Google"),
                        gceIds),
                new FromInstance(GCE_TREE, a -> get(a, "/computeMetadata/v1/?recursive=true", "Metadata-Flavor",
                        "Google"), null));
        List<PhaseResult> phases = measure(workloads);
        publish(render(phases));
        return phases.stream().allMatch(p -> p.errors() == 0) ? PASS : MISSED;
    }

    /** Places the zone network's address cursor at the start of the block (an admin's database edit). */
    private void moveCursor(String networkUuid, int block) {
        progress("guest addresses from 198.18." + block + ".1");
        io.skyport.core.network.NetworkDao dao = server.coreBean(io.skyport.core.network.NetworkDao.class);
        long id = dao.findByUuid(networkUuid).orElseThrow().id();
        dao.setCursor(id, io.skyport.core.network.Ipv4.parse("198.18." + block + ".0"));
    }

    /** One request from an address: status and body. */
    record Answer(int status, String body) {
    }

    /** Requests from a random instance's address; an answer other than that instance's counts as an error. */
    private final class FromInstance implements Workload {
        private final String name;
        private final Request request;
        private final Map<String, String> expected;

        FromInstance(String name, Request request, Map<String, String> expected) {
            this.name = name;
            this.request = request;
            this.expected = expected;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public HttpRequest next() {
            throw new UnsupportedOperationException("requests from an instance's address go over a bound socket");
        }

        @Override
        public String send(HttpClient ignored, LatencyLog exchanges) throws IOException {
            String a = addresses.get(ThreadLocalRandom.current().nextInt(addresses.size()));
            long start = System.nanoTime();
            Answer r = request.send(a);
            exchanges.add(System.nanoTime() - start);
            if (r.status() != 200) {
                return "HTTP " + r.status();
            }
            return expected == null || expected.get(a).equals(r.body()) ? null : "another instance's answer";
        }
    }

    @FunctionalInterface
    private interface Request {
        Answer send(String address) throws IOException;
    }

    private String expect200(String address, String method, String path, String... headers) throws IOException {
        Answer r = exchange(address, method, path, headers);
        if (r.status() != 200) {
            throw new SetupException(method + " " + path + " from " + address + ": HTTP " + r.status());
        }
        return r.body();
    }

    private Answer get(String address, String path, String... headers) throws IOException {
        return exchange(address, "GET", path, headers);
    }

    /** HTTP/1.0 over a socket bound to the instance's address, so the listener sees that source. */
    private Answer exchange(String address, String method, String path, String... headers) throws IOException {
        try (Socket s = new Socket()) {
            InetAddress from = InetAddress.getByName(address);
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(from, metadataPort), 5_000);
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method).append(' ').append(path)
                    .append(" HTTP/1.0\r\nHost: 169.254.169.254\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            int status = Integer.parseInt(raw.substring(raw.indexOf(' ') + 1, raw.indexOf(' ') + 4));
            return new Answer(status, end < 0 ? "" : raw.substring(end + 4));
        }
    }

    private static void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 && !out.contains("File exists")) {
                throw new SetupException(String.join(" ", cmd) + " failed (needs root): " + out.trim());
            }
        } catch (IOException e) {
            throw new SetupException("cannot run ip: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted");
        }
    }

    private String render(List<PhaseResult> phases) {
        StringBuilder md = new StringBuilder("## Metadata listener throughput\n\n");
        md.append(String.format(Locale.ROOT, "%d instances, %d client threads, one connection per request, "
                + "%d rounds of %s per workload; %s. `/healthz` is the API port's cheapest round trip, over kept-alive connections; each metadata request opens a "
                + "connection of its own, from a random instance's address, as a guest's curl does.%n%n",
                vms, threads, rounds, requests != null ? requests + " requests" : seconds + " s",
                serverOptions.database()));
        md.append("| workload | mean req/s | p50 ms | p99 ms | vs /healthz | errors |\n|---|---:|---:|---:|---:|---:|\n");
        double healthz = mean(phases, MarkdownReport.HEALTHZ);
        for (String w : List.of(MarkdownReport.HEALTHZ, IMDS_V1, IMDS_V2, GCE, GCE_TREE)) {
            List<PhaseResult> of = phases.stream().filter(p -> p.workload().equals(w)).toList();
            long[] all = of.stream().flatMapToLong(p -> java.util.Arrays.stream(p.sortedNanos())).sorted().toArray();
            md.append(String.format(Locale.ROOT, "| `%s` | %.0f | %.2f | %.2f | %.2f | %d |%n", w, mean(phases, w),
                    LatencyLog.percentileMillis(all, 50), LatencyLog.percentileMillis(all, 99),
                    healthz == 0 ? 0 : mean(phases, w) / healthz, of.stream().mapToLong(PhaseResult::errors).sum()));
        }
        return md.append('\n').toString();
    }

    private static double mean(List<PhaseResult> phases, String workload) {
        return phases.stream().filter(p -> p.workload().equals(workload)).mapToDouble(PhaseResult::perSecond)
                .average().orElse(0);
    }
}
