package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Container hosts whose daemon comes and goes, against real private Docker daemons (own socket
 * or TLS port, own data root; the machine's daemon is never touched): a stopped daemon makes its
 * host Disconnected and deploys fail cleanly, its return brings the host back Up with its VMs
 * reconciled; containers killed or removed on the engine are settled at once from the engine's
 * events; a TLS engine is added with client certificates and every TLS mistake is named; a local
 * engine is discovered at first start.
 */
public class DockerHostHealthIT {
    private static final TestServer SERVER = new TestServer();
    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();
    private static Path pki;
    private static PrivateDockerd dockerd;
    private static DockerEngine engine;
    private static String zone;
    private static String pod;
    private static String cluster;
    private static String hostId;
    private static String offering;
    private static String template;

    @BeforeClass
    public static void daemonAndZone() throws Exception {
        Optional<String> missing = PrivateDockerd.unavailable();
        Live.require("private Docker daemon", missing.isEmpty(), missing.orElse(""));
        dockerd = PrivateDockerd.onSocket().start();
        CLEANUP.add(dockerd);
        engine = new DockerEngine(dockerd.url(), null);
        CLEANUP.add(engine);
        engine.ensureImage();
        SERVER.start();
        // checks every second, Alert after 3 failures: the test sees each state within seconds
        admin("updateConfiguration", "name", "host.ping.interval", "value", "1");
        admin("updateConfiguration", "name", "host.alert.after.failures", "value", "3");
        zone = admin("createZone", "name", "HealthZone", "networktype", "Advanced", "dns1", "198.18.255.253",
                "internaldns1", "198.18.255.254", "guestcidraddress", "198.18.64.0/18").getAsJsonObject("zone")
                .get("id").getAsString();
        pod = admin("createPod", "zoneid", zone, "name", "HealthPod", "gateway", "198.19.210.1", "netmask",
                "255.255.255.0", "startip", "198.19.210.10", "endip", "198.19.210.20").getAsJsonObject("pod")
                .get("id").getAsString();
        cluster = admin("addCluster", "zoneid", zone, "podid", pod, "clustername", "HealthCluster", "clustertype",
                "CloudManaged", "hypervisor", "Docker").getAsJsonArray("cluster").get(0).getAsJsonObject().get("id")
                .getAsString();
        hostId = addHost(dockerd.url() + "?stoptimeout=1").get("id").getAsString();
        offering = admin("createServiceOffering", "name", "HealthSmall", "displaytext", "1 cpu, 64 MB", "cpunumber",
                "1", "cpuspeed", "100", "memory", "64").getAsJsonObject("serviceoffering").get("id").getAsString();
        template = admin("registerTemplate", "name", "busybox-health", "displaytext", "busybox container", "url",
                "http://images.invalid/busybox.tar", "format", "CONTAINER", "hypervisor", "Docker", "zoneid", zone,
                "ispublic", "true", "details[0].image", DockerEngine.IMAGE).getAsJsonArray("template").get(0)
                .getAsJsonObject().get("id").getAsString();
    }

    @AfterClass
    public static void cleanUp() {
        SERVER.stop();
        for (int i = CLEANUP.size() - 1; i >= 0; i--) {
            try {
                CLEANUP.get(i).close();
            } catch (Exception e) {
                System.err.println("clean-up: " + e);
            }
        }
        TestServer.deleteTree(pki);
    }

    private static JsonObject admin(String command, String... kv) {
        return ContainerZone.admin(SERVER, command, kv);
    }

    private static JsonObject addHost(String url) {
        return admin("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", "Docker", "url", url)
                .getAsJsonArray("host").get(0).getAsJsonObject();
    }

    private static JsonObject job(String command, String... kv) {
        return SERVER.admin().awaitJob(admin(command, kv).get("jobid").getAsString());
    }

    private static String deploy(String name) {
        JsonObject done = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                template, "name", name);
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        JsonObject vm = done.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
        assertEquals("Running", vm.get("state").getAsString());
        return vm.get("id").getAsString();
    }

    private static String vmState(String id) {
        return ContainerZone.vmState(SERVER, id);
    }

    private static String hostState(String id) {
        return ContainerZone.hostState(SERVER, id);
    }

    /** Polls every 200 ms until the value is the expected one or the time is up; returns the last value seen. */
    private static String await(String expected, long millis, Supplier<String> value) throws InterruptedException {
        return Poll.until(expected, millis, 200, value);
    }

    /**
     * The periodic power-state pass runs every 30 s; a VM settled within a few seconds of its
     * container's end was settled from the engine's event stream.
     */
    @Test
    public void containersKilledOrRemovedOnTheEngineAreSettledFromItsEvents() throws Exception {
        assertEquals("Up", await("Up", 10_000, () -> hostState(hostId)));
        // the host's event stream opens after its first successful check
        Thread.sleep(2_000);
        String killed = deploy("health-kill");
        engine.docker.killContainerCmd("skyport-" + killed).exec();
        assertEquals("a container killed on the engine: Stopped", "Stopped",
                await("Stopped", 5_000, () -> vmState(killed)));
        String removed = deploy("health-rm");
        engine.docker.removeContainerCmd("skyport-" + removed).withForce(true).exec();
        assertEquals("a container removed on the engine: Error", "Error", await("Error", 5_000, () -> vmState(removed)));
        assertTrue("with an event", ContainerZone.hasEvent(SERVER, "VM.ERROR", "health-rm"));
        job("destroyVirtualMachine", "id", killed, "expunge", "true");
        job("destroyVirtualMachine", "id", removed, "expunge", "true");
    }

    @Test
    public void aLabelledContainerNoVmOwnsIsReportedAndLeftInPlace() throws Exception {
        // a pass looks only at hosts that answer (a test before may have stopped the daemon)
        assertEquals("Up", await("Up", 15_000, () -> hostState(hostId)));
        String orphan = "0rphan-" + System.nanoTime();
        String id = engine.docker.createContainerCmd(DockerEngine.IMAGE).withName("skyport-" + orphan)
                .withLabels(Map.of("skyport.vm", orphan)).exec().getId();
        SERVER.server().coreBean(io.skyport.core.vm.PowerStateSync.class).syncAll();
        assertTrue("an orphan event", ContainerZone.hasEvent(SERVER, "HOST.ORPHAN", orphan));
        SERVER.server().coreBean(io.skyport.core.vm.PowerStateSync.class).syncAll();
        long reports = admin("listEvents", "type", "HOST.ORPHAN", "listall", "true").getAsJsonArray("event")
                .asList().stream().filter(e -> e.getAsJsonObject().get("description").getAsString().contains(orphan))
                .count();
        assertEquals("reported once", 1, reports);
        assertEquals("not removed", id, engine.docker.inspectContainerCmd(id).exec().getId());
        engine.docker.removeContainerCmd(id).withForce(true).exec();
    }

    @Test
    public void aStoppedDaemonDisconnectsItsHostAndItsReturnRecoversIt() throws Exception {
        assertEquals("Up", await("Up", 10_000, () -> hostState(hostId)));
        String vm = deploy("health-outage");
        dockerd.stop();
        try {
            assertEquals("Disconnected", await("Disconnected", 10_000, () -> hostState(hostId)));
            assertTrue(ContainerZone.hasEvent(SERVER, "HOST.DISCONNECT", "is Disconnected"));
            long vmsBefore = admin("listVirtualMachines", "listall", "true").get("count").getAsLong();
            JsonObject failed = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                    "templateid", template, "name", "health-nowhere");
            assertEquals(failed.toString(), 2, failed.get("jobstatus").getAsInt());
            assertEquals("no host to take it: InsufficientCapacity", 533,
                    failed.getAsJsonObject("jobresult").get("errorcode").getAsInt());
            assertEquals("nothing half-made", vmsBefore, admin("listVirtualMachines", "listall", "true").get("count")
                    .getAsLong());
            assertEquals("Alert", await("Alert", 10_000, () -> hostState(hostId)));
            assertTrue(ContainerZone.hasEvent(SERVER, "HOST.ALERT", "failed checks"));
        } finally {
            dockerd.start();
        }
        assertEquals("Up", await("Up", 15_000, () -> hostState(hostId)));
        assertTrue(ContainerZone.hasEvent(SERVER, "HOST.RECONNECT", "answers again"));
        // the daemon stopped its containers when it shut down: the VM is reconciled to Stopped
        assertEquals("Stopped", await("Stopped", 10_000, () -> vmState(vm)));
        assertEquals("and starts again", "Running", job("startVirtualMachine", "id", vm).getAsJsonObject("jobresult")
                .getAsJsonObject("virtualmachine").get("state").getAsString());
        job("destroyVirtualMachine", "id", vm, "expunge", "true");
    }

    /** CA, an engine certificate for 127.0.0.1 and a client certificate, all made here with openssl. */
    private static Path makePki() throws Exception {
        Path dir = Files.createTempDirectory("skyport-pki");
        String script = String.join("\n",
                "set -e", "cd '" + dir + "'",
                "ca() { openssl req -x509 -newkey rsa:2048 -nodes -keyout $1-key.pem -out $1.pem -days 2 -subj /CN=$1"
                        + " 2>/dev/null; }",
                "sign() { openssl req -newkey rsa:2048 -nodes -keyout $1-key.pem -out $1.csr -subj /CN=$1 2>/dev/null;"
                        + " printf \"$3\" > $1.ext;"
                        + " openssl x509 -req -in $1.csr -CA $2.pem -CAkey $2-key.pem -CAcreateserial -days 2"
                        + " -extfile $1.ext -out $1-cert.pem 2>/dev/null; }",
                "ca ca; ca other-ca",
                "sign server ca 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n'",
                "sign client ca 'extendedKeyUsage=clientAuth\\n'",
                "sign stranger other-ca 'extendedKeyUsage=clientAuth\\n'",
                "mkdir engine good wrong-ca untrusted-client no-key",
                "cp ca.pem engine/ca.pem; cp server-cert.pem server-key.pem engine/",
                "for d in good no-key; do cp ca.pem $d/ca.pem; cp client-cert.pem $d/cert.pem; done",
                "cp client-key.pem good/key.pem",
                "cp other-ca.pem wrong-ca/ca.pem; cp client-cert.pem wrong-ca/cert.pem; cp client-key.pem wrong-ca/key.pem",
                "cp ca.pem untrusted-client/ca.pem; cp stranger-cert.pem untrusted-client/cert.pem;"
                        + " cp stranger-key.pem untrusted-client/key.pem");
        ExternalProcess.Run r = ExternalProcess.run(List.of("sh", "-c", script), Map.of(), 60);
        assertEquals("openssl: " + r.stderr(), 0, r.exit());
        return dir;
    }

    private static NativeClient.Reply tryAddHost(String url) {
        return SERVER.admin().call("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", "Docker",
                "url", url);
    }

    private static String errorText(NativeClient.Reply r) {
        assertEquals(r.body(), 431, r.status());
        return r.inner().get("errortext").getAsString();
    }

    @Test
    public void aTlsEngineIsAddedWithClientCertificatesAndTlsMistakesAreNamed() throws Exception {
        pki = makePki();
        PrivateDockerd tls = PrivateDockerd.onTls(pki.resolve("engine"), pki.resolve("good"));
        CLEANUP.add(tls);
        tls.start();
        DockerEngine tlsEngine = new DockerEngine(tls.url(), pki.resolve("good").toString());
        CLEANUP.add(tlsEngine);
        tlsEngine.ensureImage();

        String missingDir = errorText(tryAddHost(tls.url() + "?tlscertpath=/nonexistent/certs"));
        assertTrue(missingDir, missingDir.contains("tlscertpath /nonexistent/certs is not a directory"));
        String noKey = errorText(tryAddHost(tls.url() + "?tlscertpath=" + pki.resolve("no-key")));
        assertTrue(noKey, noKey.contains("has no readable key.pem"));
        String caMismatch = errorText(tryAddHost(tls.url() + "?tlscertpath=" + pki.resolve("wrong-ca")));
        assertTrue(caMismatch, caMismatch.contains("not signed by the CA in " + pki.resolve("wrong-ca/ca.pem")));
        String untrusted = errorText(tryAddHost(tls.url() + "?tlscertpath=" + pki.resolve("untrusted-client")));
        assertTrue(untrusted, untrusted.contains("rejects the client certificate " + pki.resolve(
                "untrusted-client/cert.pem")) || untrusted.contains("rejected the client certificate " + pki.resolve(
                "untrusted-client/cert.pem")));
        String plain = errorText(tryAddHost(tls.url()));
        assertTrue(plain, plain.contains("requires TLS: give tlscertpath"));

        JsonObject host = addHost(tls.url() + "?tlscertpath=" + pki.resolve("good") + "&stoptimeout=1");
        assertEquals("Up", host.get("state").getAsString());
        assertEquals("Up", await("Up", 5_000, () -> hostState(host.get("id").getAsString())));
        JsonObject done = job("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                template, "name", "health-tls", "hostid", host.get("id").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        String vm = done.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine").get("id").getAsString();
        assertTrue("the container runs on the TLS engine", Boolean.TRUE.equals(tlsEngine.docker
                .inspectContainerCmd("skyport-" + vm).exec().getState().getRunning()));
        job("destroyVirtualMachine", "id", vm, "expunge", "true");
        admin("deleteHost", "id", host.get("id").getAsString());
    }

    @Test
    public void aLocalEngineIsDiscoveredAtFirstStartBesideTheDemoZone() throws Exception {
        try (TestServer fresh = new TestServer(Map.of("skyport.docker.discovery", "true",
                "skyport.docker.discovery.url", dockerd.url()))) {
            fresh.start();
            JsonArray hosts = fresh.admin().call("listHosts", "hypervisor", "Docker").inner().getAsJsonArray("host");
            assertEquals(1, hosts.size());
            JsonObject h = hosts.get(0).getAsJsonObject();
            assertEquals("Up", h.get("state").getAsString());
            assertEquals("Docker-local", h.get("clustername").getAsString());
            assertEquals("Sandbox-simulator", h.get("zonename").getAsString());
            assertEquals("the simulated demo hosts are still there", 4, fresh.admin().call("listHosts", "hypervisor",
                    "Simulator").inner().getAsJsonArray("host").size());
            assertTrue(fresh.server().clientSetupLines().toString(), fresh.server().clientSetupLines().stream()
                    .anyMatch(l -> l.startsWith("Docker engine discovered at " + dockerd.url())));
        }
        try (TestServer off = new TestServer(Map.of("skyport.docker.discovery.url", dockerd.url()))) {
            off.start();
            assertFalse("off (as TestServer sets it) means no Docker host", off.admin().call("listHosts",
                    "hypervisor", "Docker").inner().has("host"));
        }
    }
}
