package io.skyport.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.app.client.RequestSigner;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the benchmarks of a compatible API's instance listing share: their options, the
 * in-process server, one tenant whose VMs are deployed through the native API, the native
 * listing every other API is measured against, the interleaved timed rounds and the report's
 * output. A subclass adds its API's workloads, their checks and its report.
 */
abstract class ListingBench implements Callable<Integer> {
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

    final HttpClient http = NativeApiClient.newHttpClient();
    /** Remarks the report prints under its tables. */
    final List<String> notes = new ArrayList<>();
    private final List<String> sizes = new ArrayList<>();

    /** How progress lines start, e.g. {@code ec2-bench}. */
    abstract String tag();

    /** Sets up, checks and measures against the started server; returns the exit status. */
    abstract int run(String base, String adminKey, String adminSecret) throws Exception;

    @Override
    public Integer call() throws Exception {
        if (vms < 1 || threads < 1 || seconds < 1 || rounds < 2 || warmup < 0 || (requests != null && requests < 1)) {
            progress("--vms, --threads, --seconds and --requests must be at least 1, --rounds at least 2");
            return SETUP_ERROR;
        }
        Path home = EmbeddedServer.prepareHome();
        try (EmbeddedServer server = EmbeddedServer.start(home, serverOptions.config(Map.of()))) {
            NativeApiClient admin = new NativeApiClient(http, server.baseUrl(), server.apiKey(), server.secretKey());
            // one page must hold every instance, on every side
            admin.call("updateConfiguration", "name", "default.page.size", "value",
                    Integer.toString(Math.max(500, vms)));
            return run(server.baseUrl(), server.apiKey(), server.secretKey());
        } catch (SetupException e) {
            progress("ABORTED: " + e.getMessage());
            return SETUP_ERROR;
        }
    }

    /**
     * A user account of its own, with the limits on instances, CPUs, memory, volumes and storage
     * lifted and API keys registered: compatible-API callers are tenants, and every API then
     * sees exactly its VMs. Returns the API key and the secret key.
     */
    static String[] tenant(NativeApiClient admin, String username) throws Exception {
        JsonObject account = admin.call("createAccount", "username", username, "password", "Bench-Passw0rd-1",
                "firstname", username, "lastname", "Bench", "email", username + "@example.org")
                .getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        // a user account may hold 20 VMs by default
        for (String type : List.of("0", "8", "9", "2", "10")) {
            admin.call("updateResourceLimit", "account", username, "domainid", account.get("domainid").getAsString(),
                    "resourcetype", type, "max", "-1");
        }
        JsonObject keys = admin.call("registerUserKeys", "id", userId).getAsJsonObject("userkeys");
        return new String[] {keys.get("apikey").getAsString(), keys.get("secretkey").getAsString()};
    }

    /** Deploys {@code --vms} started instances named {@code prefix-N} and waits for every job. */
    void deployFleet(NativeApiClient tenant, String prefix) throws Exception {
        String zone = first(tenant.call("listZones"), "zone");
        String offering = first(tenant.call("listServiceOfferings", "name", "Small Instance"), "serviceoffering");
        String template = first(tenant.call("listTemplates", "templatefilter", "featured"), "template");
        progress("deploying " + vms + " instances with " + deployThreads + " clients");
        long start = System.nanoTime();
        tenant.deploy(vms, deployThreads, prefix,
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

    /** The native listing of every instance in one page, signed anew for every request. */
    Workload listVirtualMachines(String base, RequestSigner signer, String format, String name) {
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

    /** The native JSON listing lists every instance; returns the VM uuids by name. */
    Map<String, String> verifyNativeJson(Workload json) throws Exception {
        HttpResponse<String> r = send(json);
        JsonArray listed = JsonParser.parseString(r.body()).getAsJsonObject()
                .getAsJsonObject("listvirtualmachinesresponse").getAsJsonArray("virtualmachine");
        int count = listed == null ? 0 : listed.size();
        if (count != vms) {
            throw new SetupException(json.name() + " listed " + count + " instances, expected " + vms);
        }
        Map<String, String> uuidByName = new HashMap<>();
        for (JsonElement e : listed) {
            uuidByName.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("id").getAsString());
        }
        size(json.name(), r.body());
        return uuidByName;
    }

    /**
     * The warm-up of every workload, then {@code --rounds} rounds of one timed phase per
     * workload; a different workload opens each round, so none always runs right after the same one.
     */
    List<PhaseResult> measure(List<Workload> workloads) throws InterruptedException {
        LoadPhase load = new LoadPhase(http, threads);
        if (warmup > 0) {
            for (Workload w : workloads) {
                progress(load.run(0, 0, w, Duration.ofSeconds(warmup), true).progressLine());
            }
        }
        List<PhaseResult> phases = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < workloads.size(); i++) {
                Workload w = workloads.get((i + round - 1) % workloads.size());
                PhaseResult r = requests != null ? load.run(phases.size() + 1, round, w, requests, false)
                        : load.run(phases.size() + 1, round, w, Duration.ofSeconds(seconds), false);
                progress(r.progressLine());
                phases.add(r);
            }
        }
        return phases;
    }

    /** Prints the report, and writes it to {@code --out} when given. */
    void publish(String markdown) {
        System.out.println();
        System.out.print(markdown);
        if (out != null) {
            try {
                Files.writeString(out, markdown, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                progress("cannot write " + out + ": " + e);
            }
        }
    }

    /** The load, server and machine part of a report's setup paragraph. */
    String loadAndMachine(String signing) {
        String phase = requests != null ? requests + " requests" : seconds + " s";
        return String.format(Locale.ROOT, "Load: %d client threads on loopback, HTTP/1.1 keep-alive, %s. "
                        + "%d rounds of phases of %s after %d s warm-up per workload; each round starts with the "
                        + "next workload. Server: in-process, %s, simulator. Machine: %d CPUs, Java %s, %s %s; "
                        + "server, baseline proxy and load generator share it. %s",
                threads, signing, rounds, phase, warmup, serverOptions.database(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), String.join(" ", sizes)).trim();
    }

    /** Records the size of one answer of a workload for the report. */
    void size(String workload, String body) {
        sizes.add(String.format(Locale.ROOT, "%s answer: %,d bytes.", workload,
                body.getBytes(StandardCharsets.UTF_8).length));
    }

    HttpResponse<String> send(Workload w) throws Exception {
        return send(w, false);
    }

    HttpResponse<String> send(Workload w, boolean anyStatus) throws Exception {
        HttpResponse<String> r = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
        if (!anyStatus && r.statusCode() != 200) {
            throw new SetupException(w.name() + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    void progress(String line) {
        System.err.println("[" + tag() + "] " + line);
    }

    /** The run cannot measure what it claims to: wrong answers, refused setup calls. */
    static final class SetupException extends RuntimeException {
        SetupException(String message) {
            super(message);
        }
    }
}
