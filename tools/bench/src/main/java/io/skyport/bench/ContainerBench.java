package io.skyport.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import io.skyport.app.client.GceServiceAccount;
import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerEndpoint;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String ZONE = "BenchDocker";
    private static final String OFFERING = "BenchTiny";
    private static final String TEMPLATE = "benchbox";

    @Option(names = "--docker", description = "the engine's address (default ${DEFAULT-VALUE})")
    String dockerUrl = "unix:///var/run/docker.sock";

    @Option(names = "--image", description = "image the containers run, CMD an interactive shell (default ${DEFAULT-VALUE})")
    String image = "skyport-busybox:bench";

    @Option(names = "--iterations", description = "timed create/remove cycles per side (default ${DEFAULT-VALUE})")
    int iterations = 20;

    @Option(names = "--warmup", description = "untimed cycles per side first (default ${DEFAULT-VALUE})")
    int warmup = 3;

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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ContainerBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (iterations < 3 || warmup < 0 || maxContainers < 1 || step < 1 || threads < 1) {
            progress("--iterations must be at least 3; --max-containers, --step and --threads at least 1");
            return ListingBench.SETUP_ERROR;
        }
        Path home = EmbeddedServer.prepareHome();
        try (DockerClients clients = new DockerClients();
             // the benchmark adds the engine to a zone of its own; first-start discovery would add it to the demo zone too
             EmbeddedServer server = EmbeddedServer.start(home, serverOptions.config(Map.of("skyport.docker.discovery",
                     "false")))) {
            DockerClient docker = clients.client(DockerEndpoint.of(new HostRef(0, "bench", "bench", dockerUrl, Map.of())));
            Info info = docker.infoCmd().exec();
            docker.inspectImageCmd(image).exec();
            String base = server.baseUrl();
            NativeApiClient admin = new NativeApiClient(http, base, server.apiKey(), server.secretKey());
            Setup setup = setUp(admin);
            String[] keys = ListingBench.tenant(admin, "containerbench");
            NativeApiClient tenant = new NativeApiClient(http, base, keys[0], keys[1]);
            GceServiceAccount account = GceServiceAccount.fromNativeAnswer(
                    tenant.call("createGceServiceAccountKey", "endpoint", base));
            RawDockerSide raw = new RawDockerSide(docker, image, 1, 10, 32);
            List<LifecycleSide> sides = List.of(raw, new NativeSide(tenant, setup.zoneId, setup.offeringId,
                            setup.templateId),
                    new Ec2Side(http, base, keys, tenant, Ec2Side.imageId(http, base, keys, TEMPLATE), OFFERING, ZONE),
                    new GceSide(http, base, account.project(), ZONE.toLowerCase(Locale.ROOT), account.accessToken(http),
                            OFFERING.toLowerCase(Locale.ROOT), TEMPLATE, tenant));
            LifecycleTimings timings = new LifecycleTimings(docker, raw, sides, this::progress).run(warmup, iterations);
            ConcurrencyRamp ramp = new ConcurrencyRamp(docker, tenant, setup.zoneId, setup.offeringId, setup.templateId,
                    threads, this::progress);
            List<ConcurrencyRamp.Step> steps = ramp.run(maxContainers, step);
            String report = ContainerReport.render(machine(info), timings, steps, ramp.stopReason());
            System.out.println();
            System.out.print(report);
            if (out != null) {
                Files.writeString(out, report);
            }
            return timings.allWithin(TARGET) ? ListingBench.PASS : ListingBench.MISSED;
        } catch (ListingBench.SetupException e) {
            progress("ABORTED: " + e.getMessage());
            return ListingBench.SETUP_ERROR;
        }
    }

    private record Setup(String zoneId, String offeringId, String templateId) {
    }

    /** A zone with the engine as its one host, a tiny offering and the image's template; quick expunges. */
    private Setup setUp(NativeApiClient admin) throws Exception {
        admin.call("updateConfiguration", "name", "expunge.delay", "value", "1");
        String zone = admin.call("createZone", "name", ZONE, "networktype", "Advanced", "dns1", "198.18.255.253",
                "internaldns1", "198.18.255.254", "guestcidraddress", "198.18.0.0/16").getAsJsonObject("zone")
                .get("id").getAsString();
        String pod = admin.call("createPod", "zoneid", zone, "name", "BenchPod", "gateway", "198.19.200.1", "netmask",
                "255.255.255.0", "startip", "198.19.200.10", "endip", "198.19.200.20").getAsJsonObject("pod")
                .get("id").getAsString();
        String cluster = admin.call("addCluster", "zoneid", zone, "podid", pod, "clustername", "BenchCluster",
                "clustertype", "CloudManaged", "hypervisor", "Docker").getAsJsonArray("cluster").get(0)
                .getAsJsonObject().get("id").getAsString();
        admin.call("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", "Docker", "url",
                dockerUrl);
        String offering = admin.call("createServiceOffering", "name", OFFERING, "displaytext", "1 cpu, 32 MB",
                "cpunumber", "1", "cpuspeed", "10", "memory", "32").getAsJsonObject("serviceoffering").get("id")
                .getAsString();
        String template = admin.call("registerTemplate", "name", TEMPLATE, "displaytext", "busybox container", "url",
                "http://images.invalid/benchbox.tar", "format", "CONTAINER", "hypervisor", "Docker", "zoneid", zone,
                "ispublic", "true", "details[0].image", image).getAsJsonArray("template").get(0).getAsJsonObject()
                .get("id").getAsString();
        return new Setup(zone, offering, template);
    }

    private static String machine(Info info) {
        return String.format(Locale.ROOT, "%d cores (%s), Java %s, Docker engine %s (storage driver %s)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), info.getServerVersion(), info.getDriver());
    }

    void progress(String line) {
        System.err.println("[container-bench] " + line);
    }
}
