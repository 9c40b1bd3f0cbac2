package io.skyport.bench;

import com.github.dockerjava.api.DockerClient;
import io.skyport.app.client.GceServiceAccount;
import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerEndpoint;
import io.skyport.container.lxc.LxdClient;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Container lifecycle on a real Docker engine: create+start and stop+remove of one container
 * through each of Skyport's three APIs, as a ratio to the same operations sent straight to the
 * engine's API in the same run (sides interleaved, their order rotated every iteration); then how
 * many concurrent containers one host holds under the driver, ramped up step by step.
 */
@Command(name = "container-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Container create/remove through Skyport's APIs against the engine API, and concurrent containers")
public final class ContainerBench implements Callable<Integer> {
    static final String USER_DATA_B64 = Base64.getEncoder().encodeToString(
            "#cloud-config\nhostname: bench\n".getBytes(StandardCharsets.UTF_8));
    static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFK19acDaKydonL3zx9qL/oOxGqmWP6QJD28+r56eQuk "
            + "bench";
    /** Clients without a long-poll (native jobs, EC2 instance state) ask this often: small against a container start. */
    static final long POLL_MILLIS = 5;
    static final double TARGET = 1.3;
    /** The offering every side's containers get: Skyport's by its service offering, the daemons' by the same limits. */
    static final int CPUS = 1;
    static final int CPU_MHZ = 10;
    static final int MEMORY_MB = 32;
    private static final String OFFERING = "BenchTiny";

    @Option(names = "--docker", description = "the engine's address (default ${DEFAULT-VALUE})")
    String dockerUrl = "unix:///var/run/docker.sock";

    @Option(names = "--image", description = "image the containers run, CMD an interactive shell (default ${DEFAULT-VALUE})")
    String image = "skyport-busybox:bench";

    @Option(names = "--lxd", description = "also measure an LXD daemon at this unix socket (default: Docker only)")
    String lxdSocket;

    @Option(names = "--lxd-image", description = "LXD image alias the LXD containers run (default ${DEFAULT-VALUE})")
    String lxdImage = "skyport-busybox";

    @Option(names = "--iterations", description = "timed create/remove cycles per side (default ${DEFAULT-VALUE})")
    int iterations = 20;

    @Option(names = "--warmup", description = "untimed cycles per side first, at least (default ${DEFAULT-VALUE})")
    int warmup = 10;

    @Option(names = "--max-warmup", description = "untimed cycles per side at most: warm-up goes on until the JIT "
            + "settles (default ${DEFAULT-VALUE})")
    int maxWarmup = 200;

    @Option(names = "--jit-settled", description = "warm-up ends once the JIT compilers' time in a block of cycles "
            + "is at most this share of its wall time (default ${DEFAULT-VALUE})")
    double jitSettled = 0.05;

    @Option(names = "--server-warmup", description = "untimed create and remove cycles per Skyport API on simulated "
            + "hosts before any daemon is timed, so the server's own paths are compiled (default ${DEFAULT-VALUE})")
    int serverWarmup = 2000;

    @Option(names = "--max-containers", description = "where the concurrency ramp stops (default ${DEFAULT-VALUE})")
    int maxContainers = 200;

    @Option(names = "--step", description = "containers added per ramp step (default ${DEFAULT-VALUE})")
    int step = 50;

    @Option(names = "--threads", description = "concurrent deploying clients in the ramp (default ${DEFAULT-VALUE})")
    int threads = 8;

    @Option(names = "--out", description = "also write the Markdown report to this file")
    Path out;

    @Mixin
    ServerOptions serverOptions = new ServerOptions();

    private final HttpClient http = NativeApiClient.newHttpClient();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ContainerBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (iterations < 3 || warmup < 0 || maxWarmup < warmup || jitSettled < 0 || serverWarmup < 0
                || maxContainers < 1 || step < 1 || threads < 1) {
            progress("--iterations must be at least 3; --max-warmup at least --warmup; --server-warmup at least 0; "
                    + "--max-containers, --step and --threads at least 1");
            return ListingBench.SETUP_ERROR;
        }
        Path home = EmbeddedServer.prepareHome();
        try (DockerClients clients = new DockerClients();
             // the benchmark adds the engine to a zone of its own; first-start discovery would add it to the demo zone too
             EmbeddedServer server = EmbeddedServer.start(home, serverOptions.config(Map.of("skyport.docker.discovery",
                     "false")))) {
            DockerClient docker = clients.client(DockerEndpoint.of(new HostRef(0, "bench", "bench", dockerUrl, Map.of())));
            docker.inspectImageCmd(image).exec();
            String base = server.baseUrl();
            NativeApiClient admin = new NativeApiClient(http, base, server.apiKey(), server.secretKey());
            admin.call("updateConfiguration", "name", "expunge.delay", "value", "1");
            String offering = admin.call("createServiceOffering", "name", OFFERING, "displaytext",
                    CPUS + " cpu, " + MEMORY_MB + " MB", "cpunumber", Integer.toString(CPUS), "cpuspeed",
                    Integer.toString(CPU_MHZ), "memory", Integer.toString(MEMORY_MB))
                    .getAsJsonObject("serviceoffering").get("id").getAsString();
            Zone dockerZone = zone(admin, "BenchDocker", 200, "Docker", dockerUrl, "benchbox", image);
            String[] keys = ListingBench.tenant(admin, "containerbench");
            NativeApiClient tenant = new NativeApiClient(http, base, keys[0], keys[1]);
            GceServiceAccount account = GceServiceAccount.fromNativeAnswer(
                    tenant.call("createGceServiceAccountKey", "endpoint", base));
            String token = account.accessToken(http);
            Zone simulated = zone(admin, "BenchSim", 202, "Simulator", "sim://bench-sim?cpus=128&speed=2400&memory="
                    + "1048576", "simbox", null);
            ServerWarmup serverWarm = new ServerWarmup(skyportSides(simulated, offering, base, keys, tenant,
                    account.project(), token), this::progress).run(serverWarmup);
            List<LifecycleTimings> runs = new ArrayList<>();
            RawDockerSide rawDocker = new RawDockerSide(docker, image);
            runs.add(new LifecycleTimings("Docker", rawDocker, sides(rawDocker, dockerZone, offering, base, keys, tenant,
                    account.project(), token), this::progress).run(warmup, maxWarmup, jitSettled, iterations));
            if (lxdSocket != null) {
                try (LxdClient lxd = new LxdClient(lxdSocket)) {
                    Zone lxcZone = zone(admin, "BenchLxc", 201, "LXC", "unix://" + lxdSocket, "benchlxc", lxdImage);
                    RawLxdSide rawLxd = new RawLxdSide(lxd, lxdSocket, lxdImage);
                    runs.add(new LifecycleTimings("LXD", rawLxd, sides(rawLxd, lxcZone, offering, base, keys, tenant,
                            account.project(), token), this::progress).run(warmup, maxWarmup, jitSettled, iterations));
                }
            }
            ConcurrencyRamp ramp = new ConcurrencyRamp(docker, tenant, dockerZone.id(), offering, dockerZone.template(),
                    threads, this::progress);
            List<ConcurrencyRamp.Step> steps = ramp.run(maxContainers, step);
            String report = ContainerReport.render(machine(), serverWarm, runs, steps, ramp.stopReason());
            System.out.println();
            System.out.print(report);
            if (out != null) {
                Files.writeString(out, report);
            }
            return runs.stream().allMatch(t -> t.allWithin(TARGET)) ? ListingBench.PASS : ListingBench.MISSED;
        } catch (ListingBench.SetupException e) {
            progress("ABORTED: " + e.getMessage());
            return ListingBench.SETUP_ERROR;
        }
    }

    /** A zone of the benchmark's: its id, name and the template of its daemon's image. */
    private record Zone(String id, String name, String template, String templateName) {
    }

    /**
     * A zone whose one host is the daemon (or a simulated host), with a template of the daemon's image
     * ({@code image} null: a disk image's, for simulated hosts); pods take 198.19.{subnet}.0/24.
     */
    private static Zone zone(NativeApiClient admin, String name, int subnet, String hypervisor, String url,
                             String templateName, String image) throws Exception {
        String zone = admin.call("createZone", "name", name, "networktype", "Advanced", "dns1", "198.18.255.253",
                "internaldns1", "198.18.255.254", "guestcidraddress", "198.18.0.0/16").getAsJsonObject("zone")
                .get("id").getAsString();
        String net = "198.19." + subnet + ".";
        String pod = admin.call("createPod", "zoneid", zone, "name", name + "Pod", "gateway", net + "1", "netmask",
                "255.255.255.0", "startip", net + "10", "endip", net + "20").getAsJsonObject("pod")
                .get("id").getAsString();
        String cluster = admin.call("addCluster", "zoneid", zone, "podid", pod, "clustername", name + "Cluster",
                "clustertype", "CloudManaged", "hypervisor", hypervisor).getAsJsonArray("cluster").get(0)
                .getAsJsonObject().get("id").getAsString();
        admin.call("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", hypervisor, "url", url);
        String template = (image == null
                ? admin.call("registerTemplate", "name", templateName, "displaytext", "simulated disk", "url",
                        "http://images.invalid/" + templateName + ".qcow2", "format", "QCOW2", "hypervisor",
                        hypervisor, "zoneid", zone, "ispublic", "true")
                : admin.call("registerTemplate", "name", templateName, "displaytext", "busybox container", "url",
                        "http://images.invalid/" + templateName + ".tar", "format", "CONTAINER", "hypervisor",
                        hypervisor, "zoneid", zone, "ispublic", "true", "details[0].image", image))
                .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
        return new Zone(zone, name, template, templateName);
    }

    /** The daemon's own API and Skyport's three APIs, all making containers in that zone. */
    private List<LifecycleSide> sides(EngineSide raw, Zone zone, String offering, String base, String[] keys,
                                      NativeApiClient tenant, String project, String token) throws Exception {
        List<LifecycleSide> all = new ArrayList<>();
        all.add(raw);
        all.addAll(skyportSides(zone, offering, base, keys, tenant, project, token));
        return all;
    }

    /** Skyport's three APIs, each making instances in that zone. */
    private List<LifecycleSide> skyportSides(Zone zone, String offering, String base, String[] keys,
                                             NativeApiClient tenant, String project, String token) throws Exception {
        return List.of(new NativeSide(tenant, zone.id(), offering, zone.template()),
                new Ec2Side(http, base, keys, tenant, Ec2Side.imageId(http, base, keys, zone.templateName()), OFFERING,
                        zone.name()),
                new GceSide(http, base, project, zone.name().toLowerCase(Locale.ROOT), token,
                        OFFERING.toLowerCase(Locale.ROOT), zone.templateName(), tenant));
    }

    /** A container the daemon sides make: the offering's limits, the same user data and key as every VM. */
    static VmSpec benchVm(String name, String image) {
        return new VmSpec(name, name, "bench", CPUS, CPU_MHZ, MEMORY_MB, image, USER_DATA_B64, List.of(SSH_KEY),
                Map.of());
    }

    private static String machine() {
        return String.format(Locale.ROOT, "%d cores (%s), Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    void progress(String line) {
        System.err.println("[container-bench] " + line);
    }
}
