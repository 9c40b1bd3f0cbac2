package io.skyport.bench;

import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signed native API throughput as a ratio of /healthz throughput of the same server, measured
 * in one run. Phases alternate (healthz, each command, healthz, each command, ...) so JIT, GC
 * and heap growth affect both sides alike; the ratio compares means over the rounds.
 */
@Command(name = "skyport-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures signed native API throughput relative to /healthz of the same server.")
public final class NativeApiBench implements Callable<Integer> {
    static final int PASS = 0;
    static final int FAIL = 1;
    static final int SETUP_ERROR = 2;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Length of each measured phase (default: ${DEFAULT-VALUE}).")
    int duration = 10;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Warm-up per workload before measuring (default: ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Option(names = "--threads", description = "Concurrent client connections (default: ${DEFAULT-VALUE}).")
    int threads = 8;

    @Option(names = "--rounds", description = "Measured rounds; each has one /healthz phase and one phase per command; at least 2 (default: ${DEFAULT-VALUE}).")
    int rounds = 2;

    @Option(names = "--commands", split = ",", paramLabel = "COMMAND[?k=v&...]",
            description = "Signed commands to measure, comma separated, optionally with fixed parameters (default: ${DEFAULT-VALUE}).")
    List<String> commands = new ArrayList<>(List.of("listAccounts"));

    @Option(names = "--target", description = "Minimum ratio of command to /healthz throughput (default: ${DEFAULT-VALUE}).")
    double target = 0.3;

    @Option(names = "--url", description = "Base URL of a running server (e.g. http://127.0.0.1:8080); without it an in-process server is started.")
    String url;

    @Option(names = "--api-key", description = "API key for --url.")
    String apiKey;

    @Option(names = "--secret", description = "Secret key for --url.")
    String secret;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown report to this file.")
    Path out;

    private final PrintStream progress = System.err;

    public static void main(String[] args) {
        System.exit(new CommandLine(new NativeApiBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String invalid = validate();
        if (invalid != null) {
            progress.println("skyport-bench: " + invalid);
            return SETUP_ERROR;
        }
        List<CommandSpec> specs = commands.stream().map(CommandSpec::parse).toList();
        if (url != null) {
            return measure(url.replaceAll("/+$", "").replaceAll("/client/api$", ""), apiKey, secret, specs,
                    "server at " + url);
        }
        Path home = EmbeddedServer.prepareHome();
        progress.println("skyport-bench: starting an in-process server (embedded H2) in " + home);
        try (EmbeddedServer server = EmbeddedServer.start(home)) {
            return measure(server.baseUrl(), server.apiKey(), server.secretKey(), specs,
                    "in-process server (embedded H2, same JVM as the load generator)");
        }
    }

    private String validate() {
        if (duration < 1 || warmup < 0 || threads < 1) {
            return "--duration and --threads must be at least 1, --warmup at least 0";
        }
        if (rounds < 2) {
            return "--rounds must be at least 2, so each side is measured more than once";
        }
        if (url != null && (apiKey == null || secret == null)) {
            return "--url needs --api-key and --secret";
        }
        return null;
    }

    private int measure(String base, String key, String secretKey, List<CommandSpec> specs, String server)
            throws IOException, InterruptedException {
        // HTTP/1.1 with keep-alive: each worker reuses a pooled connection, as a client library would
        HttpClient http = NativeApiClient.newHttpClient();
        RequestSigner signer = new RequestSigner(key, secretKey);
        Workload healthz = Workload.healthz(base);
        List<Workload> workloads = new ArrayList<>();
        for (CommandSpec s : specs) {
            workloads.add(Workload.command(base, s, signer));
        }
        String broken = probe(http, healthz, workloads);
        if (broken != null) {
            progress.println("skyport-bench: " + broken);
            return SETUP_ERROR;
        }
        LoadPhase load = new LoadPhase(http, threads);
        if (warmup > 0) {
            for (Workload w : withHealthzFirst(healthz, workloads)) {
                progress.println(load.run(0, 0, w, Duration.ofSeconds(warmup), true).progressLine());
            }
        }
        List<PhaseResult> phases = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Workload w : withHealthzFirst(healthz, workloads)) {
                PhaseResult r = load.run(phases.size() + 1, round + 1, w, Duration.ofSeconds(duration), false);
                progress.println(r.progressLine());
                phases.add(r);
            }
        }
        MarkdownReport report = new MarkdownReport(setup(server), phases,
                workloads.stream().map(Workload::name).toList(), target);
        String md = report.render();
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md, StandardCharsets.UTF_8);
            progress.println("skyport-bench: report written to " + out);
        }
        return report.allPassed() ? PASS : FAIL;
    }

    private static List<Workload> withHealthzFirst(Workload healthz, List<Workload> commands) {
        List<Workload> all = new ArrayList<>();
        all.add(healthz);
        all.addAll(commands);
        return all;
    }

    /** One request of each workload must succeed, or measuring it would only measure errors. */
    private static String probe(HttpClient http, Workload healthz, List<Workload> commands)
            throws InterruptedException {
        for (Workload w : withHealthzFirst(healthz, commands)) {
            try {
                HttpResponse<String> r = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
                    // CloudStack answers an unknown command like a bad signature, so say both
                    String hint = r.statusCode() == 401 ? " (wrong keys, or a command this server does not have)" : "";
                    return w.name() + " answered HTTP " + r.statusCode() + hint + ": " + body;
                }
            } catch (IOException e) {
                return w.name() + " failed: " + e;
            }
        }
        return null;
    }

    private String setup(String server) {
        return String.format(Locale.ROOT, "Target: %s. Load: %d client threads on loopback, HTTP/1.1 keep-alive, "
                        + "every command request freshly signed (HMAC-SHA1). %d rounds of %d s phases after %d s "
                        + "warm-up per workload. Machine: %d CPUs, Java %s, %s %s; server and load generator share it.",
                server, threads, rounds, duration, warmup, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
