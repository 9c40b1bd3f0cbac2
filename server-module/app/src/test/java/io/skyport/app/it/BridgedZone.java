package io.skyport.app.it;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One zone on real container hosts with guest networks: its guest network (a /24 of 198.19.0.0/16
 * picked per run) is bridged by a Docker host and an LXD host ({@code networking=bridge}) in one
 * pod, so instances on both daemons share one bridge; security groups are enforced in an nftables
 * table named per run, which the server must be started with ({@link #serverOptions()}). The
 * live tests of guest networks and of the metadata services from inside instances share it.
 */
final class BridgedZone {
    private static final SecureRandom RANDOM = new SecureRandom();

    final TestServer server;
    final String run = Integer.toHexString(RANDOM.nextInt(0xffff));
    final int thirdOctet = 100 + RANDOM.nextInt(150);
    final String cidr = "198.19." + thirdOctet + ".0/24";
    final String table = "skyit" + Integer.toHexString(RANDOM.nextInt(0xfffff));
    final String prefix;
    DockerEngine engine;
    LxdDaemon daemon;
    String zone;
    String zoneName;
    String network;
    String offering;
    String offeringName;
    private final Map<String, String> hosts = new HashMap<>();
    private final Map<String, String> templates = new HashMap<>();
    private final List<Instance> created = new ArrayList<>();
    private final List<String> imported = new ArrayList<>();

    /** A deployed VM: its id (the native API's), name, hypervisor and guest address. */
    record Instance(String id, String name, String hypervisor, String ip) {
    }

    /** {@code prefix}: a short capitalised word naming the test's zone, offering and templates. */
    BridgedZone(String prefix) {
        this.prefix = prefix;
        this.server = new TestServer(serverOptions());
    }

    /** The server configuration the zone needs: the per-run nftables table. */
    Map<String, String> serverOptions() {
        return Map.of("skyport.network.nft.table", table);
    }

    /**
     * Skips (or, in CI, fails) without Docker, LXD, nftables or br_netfilter; then starts the
     * server and makes the zone, its hosts and offering, and a template of the plain test image
     * for each daemon.
     */
    void open() throws Exception {
        Optional<String> noDocker = DockerEngine.unavailable();
        Live.require("Docker engine", noDocker.isEmpty(), noDocker.orElse(""));
        Optional<String> noLxd = LxdDaemon.unavailable();
        Live.require("LXD daemon", noLxd.isEmpty(), noLxd.orElse(""));
        Live.require("nftables", run("nft", "list", "tables").exitCode() == 0,
                "nft is missing or may not be run (guest networks need root and nftables)");
        Live.require("br_netfilter", "1".equals(sysctl("/proc/sys/net/bridge/bridge-nf-call-iptables")),
                "/proc/sys/net/bridge/bridge-nf-call-iptables is not 1: bridged traffic would bypass nftables");
        engine = new DockerEngine();
        engine.ensureImage();
        daemon = new LxdDaemon();
        server.start();
        zoneName = prefix + run + "Zone";
        zone = admin("createZone", "name", zoneName, "networktype", "Advanced", "dns1", "198.18.255.253",
                "internaldns1", "198.18.255.254", "guestcidraddress", cidr).getAsJsonObject("zone").get("id")
                .getAsString();
        network = admin("listNetworks", "zoneid", zone).getAsJsonArray("network").get(0).getAsJsonObject().get("id")
                .getAsString();
        String pod = admin("createPod", "zoneid", zone, "name", prefix + "Pod", "gateway", "198.19.200.1", "netmask",
                "255.255.255.0", "startip", "198.19.200.10", "endip", "198.19.200.20").getAsJsonObject("pod")
                .get("id").getAsString();
        offeringName = prefix + run + "Small";
        offering = admin("createServiceOffering", "name", offeringName, "displaytext", "1 cpu, 128 MB", "cpunumber",
                "1", "cpuspeed", "500", "memory", "128").getAsJsonObject("serviceoffering").get("id").getAsString();
        hosts.put("Docker", host(pod, "Docker", DockerEngine.URL + "?stoptimeout=2&networking=bridge"));
        hosts.put("LXC", host(pod, "LXC", LxdDaemon.URL + "?stoptimeout=5&networking=bridge"));
        templates.put("Docker", template("Docker", prefix.toLowerCase(Locale.ROOT) + "-busybox-docker-" + run,
                "CONTAINER", "http://images.invalid/busybox.tar", "details[0].image", DockerEngine.IMAGE));
        templates.put("LXC", template("LXC", prefix.toLowerCase(Locale.ROOT) + "-busybox-lxc-" + run, "CONTAINER",
                "http://images.invalid/busybox.tar", "details[0].image", LxdDaemon.IMAGE));
    }

    private String host(String pod, String hypervisor, String url) {
        String cluster = admin("addCluster", "zoneid", zone, "podid", pod, "clustername", prefix + hypervisor,
                "clustertype", "CloudManaged", "hypervisor", hypervisor).getAsJsonArray("cluster").get(0)
                .getAsJsonObject().get("id").getAsString();
        return admin("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", hypervisor, "url",
                url).getAsJsonArray("host").get(0).getAsJsonObject().get("id").getAsString();
    }

    /** Registers a public template of the zone for one hypervisor and returns its id. */
    String template(String hypervisor, String name, String format, String url, String... extra) {
        List<String> kv = new ArrayList<>(List.of("name", name, "displaytext", name, "url", url, "format", format,
                "hypervisor", hypervisor, "zoneid", zone, "ispublic", "true"));
        kv.addAll(List.of(extra));
        return admin("registerTemplate", kv.toArray(new String[0])).getAsJsonArray("template").get(0)
                .getAsJsonObject().get("id").getAsString();
    }

    /**
     * Registers a root file system tarball template (format TAR) for one hypervisor; the image the
     * daemon imports from it at the first deploy is removed on {@link #close()}.
     */
    String tarballTemplate(String hypervisor, String name, String url) {
        String id = template(hypervisor, name, "TAR", url);
        imported.add(id);
        return id;
    }

    String hostId(String hypervisor) {
        return hosts.get(hypervisor);
    }

    /** Deploys a VM of the plain test image on the hypervisor's host through the native API, in a security group. */
    Instance deploy(String name, String hypervisor, String group) {
        JsonObject vm = ContainerZone.vmOf(ContainerZone.job(server, "deployVirtualMachine", "zoneid", zone,
                "serviceofferingid", offering, "templateid", templates.get(hypervisor), "name", name, "hostid",
                hosts.get(hypervisor), "securitygroupnames", group));
        assertEquals("Running", vm.get("state").getAsString());
        JsonArray nics = vm.getAsJsonArray("nic");
        assertEquals(vm.toString(), 1, nics.size());
        return track(new Instance(vm.get("id").getAsString(), name, hypervisor,
                nics.get(0).getAsJsonObject().get("ipaddress").getAsString()));
    }

    /** The VM of that name (made through any API), as the native API lists it, to be cleaned up at the end. */
    Instance adopt(String name) {
        JsonObject vm = admin("listVirtualMachines", "name", name).getAsJsonArray("virtualmachine").get(0)
                .getAsJsonObject();
        String hypervisor = vm.get("hypervisor").getAsString();
        return track(new Instance(vm.get("id").getAsString(), name, hypervisor,
                vm.getAsJsonArray("nic").get(0).getAsJsonObject().get("ipaddress").getAsString()));
    }

    private Instance track(Instance i) {
        created.add(i);
        return i;
    }

    /** Expunges the instances made, removes their containers, the bridge and the table, and stops the server. */
    void close() {
        for (Instance i : created) {
            if (server.server() != null) {
                server.admin().call("destroyVirtualMachine", "id", i.id(), "expunge", "true");
            }
            if (engine != null) {
                engine.removeQuietly(i.id());
            }
            if (daemon != null) {
                daemon.removeQuietly(i.id());
            }
        }
        for (String template : imported) {
            // the driver names the image it imports from a tarball template after the template
            if (engine != null) {
                try {
                    engine.docker.removeImageCmd("skyport-template-" + template).withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // not imported on this daemon
                }
            }
            if (daemon != null) {
                try {
                    daemon.removeImage("skyport-template-" + template);
                } catch (RuntimeException ignored) {
                    // not imported on this daemon
                }
            }
        }
        server.stop();
        if (network != null) {
            String hex = network.replace("-", "").substring(0, 12);
            run("docker", "network", "rm", "skyport-" + hex);
            run("ip", "link", "del", "sp" + hex);
        }
        run("nft", "delete", "table", "inet", table);
        if (engine != null) {
            engine.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    String gateway() {
        return "198.19." + thirdOctet + ".1";
    }

    /** The guest network's bridge on this machine. */
    String bridge() {
        return "sp" + network.replace("-", "").substring(0, 12);
    }

    JsonObject admin(String command, String... kv) {
        return ContainerZone.admin(server, command, kv);
    }

    HypervisorDriver.HostRef hostRef(String hypervisor) {
        return server.server().coreBean(HostDao.class).hosts(null, null, null, null, hypervisor, null).stream()
                .filter(h -> h.uuid().equals(hosts.get(hypervisor))).findFirst().orElseThrow().ref();
    }

    HypervisorDriver driver(String hypervisor) {
        return server.server().coreBean(ModuleRegistry.class).driver(hypervisor).orElseThrow();
    }

    /** Runs a command inside the instance through its host's driver. */
    ExecResult exec(Instance i, String... command) {
        return driver(i.hypervisor()).exec(hostRef(i.hypervisor()), i.id(), List.of(command));
    }

    String nftTable() {
        return run("nft", "list", "table", "inet", table).stdout();
    }

    static String sysctl(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Runs a command on this machine; its exit code and output (stderr merged). */
    static ExecResult run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ExecResult(124, out, "");
            }
            return new ExecResult(p.exitValue(), out, "");
        } catch (java.io.IOException e) {
            return new ExecResult(127, e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(130, "", "");
        }
    }
}
