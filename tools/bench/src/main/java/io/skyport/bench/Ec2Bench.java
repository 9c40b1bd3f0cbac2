package io.skyport.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * EC2 DescribeInstances on the in-process server against the native listVirtualMachines of
 * the same server (JSON and XML) and against an ec2stack-style translator one HTTP hop in
 * front of the native API ({@link HttpHopEc2Proxy}), all over the same N instances of one
 * account, measured side by side in one run with interleaved phases.
 */
@Command(name = "ec2-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "DescribeInstances against listVirtualMachines and an HTTP-hop EC2 translator")
public final class Ec2Bench implements Callable<Integer> {
    static final int PASS = 0;
    static final int MISSED = 1;
    static final int SETUP_ERROR = 2;

    @Option(names = "--vms", description = "instances deployed and listed by every request (default ${DEFAULT-VALUE})")
    int vms = 1000;

    @Option(names = "--threads", description = "concurrent clients during the timed phases (default ${DEFAULT-VALUE})")
    int threads = 4;

    @Option(names = "--seconds", description = "length of each timed phase (default ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--requests", description = "requests per timed phase instead of --seconds")
    Long requests;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "warm-up per workload (default ${DEFAULT-VALUE})")
    int warmup = 20;

    @Option(names = "--rounds", description = "rounds of one phase per workload, at least 2 (default ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(names = "--deploy-threads", description = "concurrent clients deploying the instances (default ${DEFAULT-VALUE})")
    int deployThreads = 16;

    @Option(names = "--out", description = "also write the Markdown report to this file")
    Path out;

    @Mixin
    ServerOptions serverOptions = new ServerOptions();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> notes = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Ec2Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (vms < 1 || threads < 1 || seconds < 1 || rounds < 2 || warmup < 0 || (requests != null && requests < 1)) {
            progress("--vms, --threads, --seconds and --requests must be at least 1, --rounds at least 2");
            return SETUP_ERROR;
        }
        Path home = EmbeddedServer.prepareHome();
        try (EmbeddedServer server = EmbeddedServer.start(home, serverOptions.config(Map.of()))) {
            return run(server.baseUrl(), server.apiKey(), server.secretKey());
        } catch (SetupException e) {
            progress("ABORTED: " + e.getMessage());
            return SETUP_ERROR;
        }
    }

    private int run(String base, String adminKey, String adminSecret) throws Exception {
        NativeApiClient admin = new NativeApiClient(http, base, adminKey, adminSecret);
        // one page must hold every instance, on both sides
        admin.call("updateConfiguration", "name", "default.page.size", "value", Integer.toString(Math.max(500, vms)));
        String[] keys = tenant(admin);
        NativeApiClient tenant = new NativeApiClient(http, base, keys[0], keys[1]);
        deployFleet(tenant);

        RequestSigner nativeSigner = new RequestSigner(keys[0], keys[1]);
        Ec2RequestSigner ec2Signer = new Ec2RequestSigner(keys[0], keys[1]);
        Workload nativeJson = listVirtualMachines(base, nativeSigner, "json", Ec2Report.NATIVE_JSON);
        Workload nativeXml = listVirtualMachines(base, nativeSigner, "xml", Ec2Report.NATIVE_XML);
        URI ec2Endpoint = URI.create(base + "/ec2");
        Workload ec2 = Workload.of(Ec2Report.EC2, () -> ec2Signer.request(ec2Endpoint, "DescribeInstances", Map.of()));

        Map<String, String> uuidByName = verifyNative(nativeJson, nativeXml);
        Map<String, String> ec2IdByName = verifyEc2(ec2);
        Map<String, String> ec2IdByUuid = new HashMap<>();
        if (ec2IdByName != null) {
            uuidByName.forEach((name, uuid) -> ec2IdByUuid.put(uuid, ec2IdByName.get(name)));
        }
        try (HttpHopEc2Proxy proxy = new HttpHopEc2Proxy(base, vms, uuid -> ec2IdByUuid.getOrDefault(uuid, uuid))
                .register(keys[0], keys[1]).start()) {
            URI proxyEndpoint = URI.create(proxy.url());
            Workload baseline = Workload.of(Ec2Report.BASELINE,
                    () -> ec2Signer.request(proxyEndpoint, "DescribeInstances", Map.of()));
            verifyBaseline(baseline, ec2IdByName);
            List<Workload> workloads = new ArrayList<>(List.of(nativeJson, nativeXml));
            if (ec2IdByName != null) {
                workloads.add(ec2);
            }
            workloads.add(baseline);
            return measure(workloads);
        }
    }

    /** A user account of its own: EC2 callers are tenants, and both APIs then see exactly its VMs. */
    private static String[] tenant(NativeApiClient admin) throws Exception {
        JsonObject account = admin.call("createAccount", "username", "ec2bench", "password", "Bench-Passw0rd-1",
                "firstname", "EC2", "lastname", "Bench", "email", "ec2bench@example.org").getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        // a user account may hold 20 VMs by default; instances, CPUs, memory, volumes and storage unlimited
        for (String type : List.of("0", "8", "9", "2", "10")) {
            admin.call("updateResourceLimit", "account", "ec2bench", "domainid", account.get("domainid").getAsString(),
                    "resourcetype", type, "max", "-1");
        }
        JsonObject keys = admin.call("registerUserKeys", "id", userId).getAsJsonObject("userkeys");
        return new String[] {keys.get("apikey").getAsString(), keys.get("secretkey").getAsString()};
    }

    private void deployFleet(NativeApiClient tenant) throws Exception {
        String zone = first(tenant.call("listZones"), "zone");
        String offering = first(tenant.call("listServiceOfferings", "name", "Small Instance"), "serviceoffering");
        String template = first(tenant.call("listTemplates", "templatefilter", "featured"), "template");
        progress("deploying " + vms + " instances with " + deployThreads + " clients");
        long start = System.nanoTime();
        tenant.deploy(vms, deployThreads, "ec2bench",
                Map.of("zoneid", zone, "serviceofferingid", offering, "templateid", template), done -> {
                    if (done % 250 == 0 || done == vms) {
                        progress("  " + done + "/" + vms + " deployed");
                    }
                });
        progress(String.format(Locale.ROOT, "  %.1f s", (System.nanoTime() - start) / 1e9));
    }

    private static String first(JsonObject list, String entity) {
        JsonArray items = list.getAsJsonArray(entity);
        if (items == null || items.isEmpty()) {
            throw new SetupException("no " + entity + " to deploy with: " + list);
        }
        return items.get(0).getAsJsonObject().get("id").getAsString();
    }

    private Workload listVirtualMachines(String base, RequestSigner signer, String format, String name) {
        String api = base + "/client/api?";
        String pageSize = Integer.toString(vms);
        return Workload.of(name, () -> {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("command", "listVirtualMachines");
            p.put("pagesize", pageSize);
            p.put("response", format);
            return HttpRequest.newBuilder(URI.create(api + signer.signedQuery(p))).timeout(Workload.REQUEST_TIMEOUT)
                    .GET().build();
        });
    }

    /** Both native answers list every instance; returns the VM uuids by name. */
    private Map<String, String> verifyNative(Workload json, Workload xml) throws Exception {
        HttpResponse<String> j = send(json);
        JsonArray vmsJson = JsonParser.parseString(j.body()).getAsJsonObject()
                .getAsJsonObject("listvirtualmachinesresponse").getAsJsonArray("virtualmachine");
        int listed = vmsJson == null ? 0 : vmsJson.size();
        if (listed != vms) {
            throw new SetupException("listVirtualMachines (json) listed " + listed + " instances, expected " + vms);
        }
        Map<String, String> uuidByName = new HashMap<>();
        for (JsonElement e : vmsJson) {
            uuidByName.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("id").getAsString());
        }
        HttpResponse<String> x = send(xml);
        int listedXml = count(x.body(), "<virtualmachine>");
        if (listedXml != vms) {
            throw new SetupException("listVirtualMachines (xml) listed " + listedXml + " instances, expected " + vms);
        }
        size(Ec2Report.NATIVE_JSON, j);
        size(Ec2Report.NATIVE_XML, x);
        return uuidByName;
    }

    /**
     * DescribeInstances lists every instance, each once with its {@code Name} tag; returns the
     * instance ids by name, or null when this server has no EC2 endpoint.
     */
    private Map<String, String> verifyEc2(Workload ec2) throws Exception {
        HttpResponse<String> r = send(ec2, true);
        if (r.statusCode() == 404 && r.body().contains("\"not found\"")) {
            notes.add("The server in this build has no EC2 endpoint at `/ec2`: DescribeInstances was not measured.");
            progress("no EC2 endpoint at /ec2 in this build: measuring the native API and the baseline only");
            return null;
        }
        if (r.statusCode() != 200) {
            throw new SetupException("DescribeInstances answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        Map<String, String> byName = DescribeInstancesXml.instancesByName(r.body());
        int items = count(r.body(), "<instanceId>");
        if (items != vms || byName.size() != vms) {
            throw new SetupException("DescribeInstances listed " + items + " instances (" + byName.size()
                    + " distinct names), expected " + vms);
        }
        if (new HashSet<>(byName.values()).size() != vms) {
            throw new SetupException("DescribeInstances repeats instance ids");
        }
        size(Ec2Report.EC2, r);
        return byName;
    }

    /** The baseline lists the same instance ids as DescribeInstances (or as many instances without it). */
    private void verifyBaseline(Workload baseline, Map<String, String> ec2IdByName) throws Exception {
        HttpResponse<String> r = send(baseline);
        Map<String, String> byName = DescribeInstancesXml.instancesByName(r.body());
        if (byName.size() != vms || count(r.body(), "<instanceId>") != vms) {
            throw new SetupException("the HTTP-hop baseline listed " + byName.size() + " instances, expected " + vms);
        }
        if (ec2IdByName != null && !new HashSet<>(byName.values()).equals(new HashSet<>(ec2IdByName.values()))) {
            Set<String> missing = new HashSet<>(ec2IdByName.values());
            missing.removeAll(byName.values());
            throw new SetupException("the HTTP-hop baseline and DescribeInstances list different instance ids, e.g. "
                    + missing.stream().limit(3).toList() + " only from DescribeInstances");
        }
        size(Ec2Report.BASELINE, r);
    }

    private int measure(List<Workload> workloads) throws InterruptedException {
        LoadPhase load = new LoadPhase(http, threads);
        if (warmup > 0) {
            for (Workload w : workloads) {
                progress(load.run(0, 0, w, Duration.ofSeconds(warmup), true).progressLine());
            }
        }
        List<PhaseResult> phases = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // a different workload opens each round, so none always runs right after the same one
            for (int i = 0; i < workloads.size(); i++) {
                Workload w = workloads.get((i + round - 1) % workloads.size());
                PhaseResult r = requests != null ? load.run(phases.size() + 1, round, w, requests, false)
                        : load.run(phases.size() + 1, round, w, Duration.ofSeconds(seconds), false);
                progress(r.progressLine());
                phases.add(r);
            }
        }
        Ec2Report report = new Ec2Report(setup(), phases, notes);
        String md = report.render();
        System.out.println();
        System.out.print(md);
        if (out != null) {
            try {
                Files.writeString(out, md, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                progress("cannot write " + out + ": " + e);
            }
        }
        return report.ec2Passed() && report.baselinePassed() ? PASS : MISSED;
    }

    private String setup() {
        String phase = requests != null ? requests + " requests" : seconds + " s";
        return String.format(Locale.ROOT, "%d instances in one user account, all listed by every request "
                        + "(listVirtualMachines with pagesize=%d, `default.page.size` raised to at least that; "
                        + "DescribeInstances without MaxResults; the baseline proxy asks listVirtualMachines for the "
                        + "same page). "
                        + "Load: %d client threads on loopback, HTTP/1.1 keep-alive, every request freshly signed "
                        + "(HMAC-SHA1 native, SigV4 by the AWS SDK signer for EC2). %d rounds of phases of %s after "
                        + "%d s warm-up per workload; each round starts with the next workload. Server: in-process, "
                        + "%s, simulator. Machine: %d CPUs, Java %s, %s %s; server, baseline proxy and load "
                        + "generator share it. %s",
                vms, vms, threads, rounds, phase, warmup, serverOptions.database(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), String.join(" ", sizes));
    }

    private final List<String> sizes = new ArrayList<>();

    private void size(String workload, HttpResponse<String> r) {
        sizes.add(String.format(Locale.ROOT, "%s answer: %,d bytes.", workload,
                r.body().getBytes(StandardCharsets.UTF_8).length));
    }

    private HttpResponse<String> send(Workload w) throws Exception {
        return send(w, false);
    }

    private HttpResponse<String> send(Workload w, boolean anyStatus) throws Exception {
        HttpResponse<String> r = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
        if (!anyStatus && r.statusCode() != 200) {
            throw new SetupException(w.name() + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    private static void progress(String line) {
        System.err.println("[ec2-bench] " + line);
    }

    /** The run cannot measure what it claims to: wrong answers, refused setup calls. */
    static final class SetupException extends RuntimeException {
        SetupException(String message) {
            super(message);
        }
    }
}
