package io.skyport.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.google.gson.JsonObject;
import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerEndpoint;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Time from a security group rule change to its enforcement, as an instance sees it: two
 * containers on a bridged Docker host ({@code networking=bridge}), the server in one group; each
 * iteration authorizes tcp 8080 from the client's address and then revokes it through the native
 * API, and the client probes the server with busybox nc from inside its container until the
 * outcome changes. The time reported is from the API call's answer (the end of its job) to the
 * start of the first probe with the new outcome; a probe that connects takes a few milliseconds,
 * so that is the resolution while a rule is being opened, and while it is being closed (the
 * previous probes still connect).
 */
@Command(name = "firewall-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time from an authorize/revoke to its enforcement, seen from inside an instance")
public final class FirewallBench implements Callable<Integer> {
    static final long TARGET_MS = 5_000;
    private static final long GIVE_UP_MS = 30_000;
    private static final String LISTEN = "while true; do nc -l -p 8080 -e echo hello; done >/dev/null 2>&1 &";

    @Option(names = "--docker", description = "this machine's engine (default ${DEFAULT-VALUE})")
    String dockerUrl = "unix:///var/run/docker.sock";

    @Option(names = "--image", description = "image with busybox nc (default ${DEFAULT-VALUE})")
    String image = "skyport-busybox:bench";

    @Option(names = "--iterations", description = "authorize/revoke pairs timed (default ${DEFAULT-VALUE})")
    int iterations = 10;

    @Option(names = "--out", description = "also write the Markdown report to this file")
    Path out;

    @Mixin
    ServerOptions serverOptions = new ServerOptions();

    private final HttpClient http = NativeApiClient.newHttpClient();

    public static void main(String[] args) {
        System.exit(new CommandLine(new FirewallBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (iterations < 1) {
            progress("--iterations must be at least 1");
            return ListingBench.SETUP_ERROR;
        }
        SecureRandom random = new SecureRandom();
        int octet = 100 + random.nextInt(150);
        String table = "skybench" + Integer.toHexString(random.nextInt(0xfffff));
        Path home = EmbeddedServer.prepareHome();
        String network = null;
        List<String> vms = new ArrayList<>();
        try (DockerClients clients = new DockerClients();
             EmbeddedServer server = EmbeddedServer.start(home, serverOptions.config(Map.of(
                     "skyport.docker.discovery", "false", "skyport.network.nft.table", table)))) {
            DockerClient docker = clients.client(DockerEndpoint.of(new HostRef(0, "bench", "bench", dockerUrl,
                    Map.of())));
            docker.inspectImageCmd(image).exec();
            NativeApiClient admin = new NativeApiClient(http, server.baseUrl(), server.apiKey(), server.secretKey());
            String zone = admin.call("createZone", "name", "BenchNet", "networktype", "Advanced", "dns1",
                    "198.18.255.253", "internaldns1", "198.18.255.254", "guestcidraddress",
                    "198.19." + octet + ".0/24").getAsJsonObject("zone").get("id").getAsString();
            network = admin.call("listNetworks", "zoneid", zone).getAsJsonArray("network").get(0).getAsJsonObject()
                    .get("id").getAsString();
            String pod = admin.call("createPod", "zoneid", zone, "name", "BenchNetPod", "gateway", "198.19.200.1",
                    "netmask", "255.255.255.0", "startip", "198.19.200.10", "endip", "198.19.200.20")
                    .getAsJsonObject("pod").get("id").getAsString();
            String cluster = admin.call("addCluster", "zoneid", zone, "podid", pod, "clustername", "BenchNet",
                    "clustertype", "CloudManaged", "hypervisor", "Docker").getAsJsonArray("cluster").get(0)
                    .getAsJsonObject().get("id").getAsString();
            admin.call("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", "Docker", "url",
                    dockerUrl + "?stoptimeout=1&networking=bridge");
            String offering = admin.call("createServiceOffering", "name", "BenchNetTiny", "displaytext", "tiny",
                    "cpunumber", "1", "cpuspeed", "10", "memory", "32").getAsJsonObject("serviceoffering").get("id")
                    .getAsString();
            String template = admin.call("registerTemplate", "name", "benchnet", "displaytext", "busybox", "url",
                    "http://images.invalid/benchnet.tar", "format", "CONTAINER", "hypervisor", "Docker", "zoneid",
                    zone, "ispublic", "true", "details[0].image", image).getAsJsonArray("template").get(0)
                    .getAsJsonObject().get("id").getAsString();
            String group = admin.call("createSecurityGroup", "name", "bench-server").getAsJsonObject("securitygroup")
                    .get("id").getAsString();
            JsonObject serverVm = deploy(admin, zone, offering, template, "bench-server", "bench-server");
            JsonObject clientVm = deploy(admin, zone, offering, template, "bench-client", null);
            vms.add(serverVm.get("id").getAsString());
            vms.add(clientVm.get("id").getAsString());
            String serverIp = ip(serverVm);
            String clientIp = ip(clientVm);
            exec(docker, vms.get(0), "/bin/sh", "-c", LISTEN);
            progress("server " + serverIp + ", client " + clientIp + ", table inet " + table);
            List<Long> open = new ArrayList<>();
            List<Long> close = new ArrayList<>();
            List<Long> answered = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                JsonObject rule = await(admin, admin.call("authorizeSecurityGroupIngress", "securitygroupid", group,
                        "protocol", "tcp", "startport", "8080", "endport", "8080", "cidrlist", clientIp + "/32"));
                answered.add(since(t0));
                open.add(untilOutcome(docker, vms.get(1), serverIp, true, t0));
                String ruleId = rule.getAsJsonObject("securitygroup").getAsJsonArray("ingressrule").get(0)
                        .getAsJsonObject().get("ruleid").getAsString();
                t0 = System.nanoTime();
                await(admin, admin.call("revokeSecurityGroupIngress", "id", ruleId));
                answered.add(since(t0));
                close.add(untilOutcome(docker, vms.get(1), serverIp, false, t0));
                progress("iteration " + (i + 1) + ": opened " + open.get(i) + " ms, closed " + close.get(i)
                        + " ms after the request");
            }
            String report = report(open, close, answered);
            System.out.println();
            System.out.print(report);
            if (out != null) {
                Files.writeString(out, report);
            }
            boolean within = open.stream().allMatch(t -> t <= TARGET_MS) && close.stream().allMatch(t -> t <= TARGET_MS);
            for (String vm : vms) {
                await(admin, admin.call("destroyVirtualMachine", "id", vm, "expunge", "true"));
            }
            vms.clear();
            return within ? ListingBench.PASS : ListingBench.MISSED;
        } finally {
            // what the run made on this machine goes, whatever happened
            for (String vm : vms) {
                run("docker", "rm", "-f", "skyport-" + vm);
            }
            if (network != null) {
                String hex = network.replace("-", "").substring(0, 12);
                run("docker", "network", "rm", "skyport-" + hex);
                run("ip", "link", "del", "sp" + hex);
            }
            run("nft", "delete", "table", "inet", table);
        }
    }

    private JsonObject deploy(NativeApiClient admin, String zone, String offering, String template, String name,
                              String group) throws Exception {
        List<String> kv = new ArrayList<>(List.of("zoneid", zone, "serviceofferingid", offering, "templateid",
                template, "name", name));
        if (group != null) {
            kv.addAll(List.of("securitygroupnames", group));
        }
        return await(admin, admin.call("deployVirtualMachine", kv.toArray(String[]::new)))
                .getAsJsonObject("virtualmachine");
    }

    private static String ip(JsonObject vm) {
        return vm.getAsJsonArray("nic").get(0).getAsJsonObject().get("ipaddress").getAsString();
    }

    /** Follows an async command's job to its end and returns its result; a failed job aborts the run. */
    private static JsonObject await(NativeApiClient admin, JsonObject submitted) throws Exception {
        if (!submitted.has("jobid")) {
            return submitted;
        }
        String job = submitted.get("jobid").getAsString();
        while (true) {
            JsonObject r = admin.call("queryAsyncJobResult", "jobid", job);
            int status = r.get("jobstatus").getAsInt();
            if (status == 1) {
                return r.getAsJsonObject("jobresult");
            }
            if (status == 2) {
                throw new IllegalStateException("job " + job + " failed: " + r.get("jobresult"));
            }
            Thread.sleep(5);
        }
    }

    private static long since(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** Milliseconds from {@code t0} (the request) to the start of the first probe whose outcome is {@code connects}. */
    private long untilOutcome(DockerClient docker, String vm, String serverIp, boolean connects, long t0)
            throws Exception {
        while (true) {
            long probeStart = System.nanoTime();
            boolean now = exec(docker, vm, "nc", "-w", "1", serverIp, "8080").contains("hello");
            long ms = TimeUnit.NANOSECONDS.toMillis(probeStart - t0);
            if (now == connects) {
                return ms;
            }
            if (ms > GIVE_UP_MS) {
                throw new IllegalStateException("the rule change was not enforced within " + GIVE_UP_MS + " ms");
            }
        }
    }

    private static String exec(DockerClient docker, String vm, String... command) throws InterruptedException {
        String id = docker.execCreateCmd("skyport-" + vm).withCmd(command).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String report(List<Long> open, List<Long> close, List<Long> answered) {
        StringBuilder s = new StringBuilder("# Security group enforcement latency\n\n");
        s.append(String.format(Locale.ROOT, "%d authorize/revoke pairs through the native API on a bridged Docker "
                + "host, %d cores, Java %s. Times are from the request to the start of the first probe from inside "
                + "the client instance that saw the change (a probe starts every few ms while it connects, and "
                + "the first one after the API answered is the earliest that can); target: within %d ms.%n%n",
                open.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                TARGET_MS));
        s.append("| | median ms | p95 ms | max ms |\n|---|---:|---:|---:|\n");
        s.append(row("API answered (job done)", answered)).append(row("authorize: connection opens", open))
                .append(row("revoke: connection blocked", close));
        return s.toString();
    }

    private static String row(String name, List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        return String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", name, median, p95, sorted.get(sorted.size() - 1));
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            // best effort clean-up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void progress(String line) {
        System.err.println("[firewall-bench] " + line);
    }
}
