package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.container.lxc.LxcDriver;
import io.skyport.container.lxc.LxdException;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The local LXD daemon reached as a remote one, over HTTPS: the test has it also listen on
 * 127.0.0.1 at a free port ({@code core.https_address}) and trust a client certificate made here
 * with openssl ({@code lxc config trust add}, through the REST API), adds it as a host with that
 * certificate and the daemon's own one pinned, and runs a VM's life and its lifecycle events
 * through it. Afterwards the daemon's address setting is put back as it was and the certificate
 * removed (a run that died half way is cleaned up by the next: certificates are found by their
 * name); the unix socket other tests use is untouched throughout. Every misconfiguration is
 * refused by addHost with a 431 naming it.
 */
public class LxdRemoteIT {
    private static final String TRUST_NAME = "skyport-it-remote";
    private static final String ADDRESS_KEY = "core.https_address";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestServer SERVER = new TestServer();
    private static final List<String> CREATED = new ArrayList<>();
    private static LxdDaemon daemon;
    private static Path pki;
    private static String previousAddress;
    private static String trusted;
    private static String url;
    private static ContainerZone remote;

    @BeforeClass
    public static void httpsDaemonAndZone() throws Exception {
        daemon = LxdDaemon.required();
        pki = makePki();
        removeOurCertificates();
        trusted = fingerprint(pki.resolve("client.crt"));
        JsonObject cert = new JsonObject();
        cert.addProperty("name", TRUST_NAME);
        cert.addProperty("type", "client");
        cert.addProperty("certificate", der(pki.resolve("client.crt")));
        daemon.lxd.call("POST", "/1.0/certificates", cert, WAIT);

        JsonObject server = daemon.lxd.get("/1.0").getAsJsonObject();
        JsonElement was = server.getAsJsonObject("config").get(ADDRESS_KEY);
        previousAddress = was == null ? "" : was.getAsString();
        int port = freePort();
        setAddress("127.0.0.1:" + port);
        url = "https://127.0.0.1:" + port;
        Files.writeString(pki.resolve("server.crt"), server.getAsJsonObject("environment").get("certificate")
                .getAsString());

        SERVER.start();
        admin("updateConfiguration", "name", "host.ping.interval", "value", "1");
        remote = ContainerZone.create(SERVER, "LxdRemote", "LXC", url, tls("client.crt", "client.key")
                + "&servercert=" + pki.resolve("server.crt") + "&stoptimeout=5", LxdDaemon.IMAGE, "busybox-remote");
    }

    @AfterClass
    public static void cleanUp() {
        if (daemon != null) {
            CREATED.forEach(daemon::removeQuietly);
            SERVER.stop();
            try {
                if (previousAddress != null) {
                    setAddress(previousAddress);
                }
                removeOurCertificates();
            } catch (RuntimeException e) {
                System.err.println("LxdRemoteIT clean-up: " + e);
            }
            daemon.close();
        } else {
            SERVER.stop();
        }
        TestServer.deleteTree(pki);
    }

    /** Client certificates, made with openssl: one the daemon will trust, one it will not, and one more key. */
    private static Path makePki() throws Exception {
        Path dir = Files.createTempDirectory("skyport-lxd-pki");
        String req = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2";
        String script = String.join("\n", "set -e", "cd '" + dir + "'",
                req + " -keyout client.key -out client.crt -subj /CN=skyport-it-client 2>/dev/null",
                req + " -keyout stranger.key -out stranger.crt -subj /CN=skyport-it-stranger 2>/dev/null");
        ExternalProcess.Run r = ExternalProcess.run(List.of("sh", "-c", script), Map.of(), 60);
        assertEquals("openssl: " + r.stderr(), 0, r.exit());
        return dir;
    }

    private static String der(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String fingerprint(Path pem) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder()
                .decode(der(pem))));
    }

    private static void removeOurCertificates() {
        for (JsonElement e : daemon.lxd.get("/1.0/certificates?recursion=1").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            if (TRUST_NAME.equals(c.get("name").getAsString())) {
                try {
                    daemon.lxd.call("DELETE", "/1.0/certificates/" + c.get("fingerprint").getAsString(), null, WAIT);
                } catch (LxdException ex) {
                    if (!ex.notFound()) {
                        throw ex;
                    }
                }
            }
        }
    }

    private static void setAddress(String address) {
        JsonObject config = new JsonObject();
        config.addProperty(ADDRESS_KEY, address);
        JsonObject body = new JsonObject();
        body.add("config", config);
        daemon.lxd.call("PATCH", "/1.0", body, WAIT);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tls(String cert, String key) {
        return "clientcert=" + pki.resolve(cert) + "&clientkey=" + pki.resolve(key);
    }

    private static JsonObject admin(String command, String... kv) {
        return ContainerZone.admin(SERVER, command, kv);
    }

    private static NativeClient.Reply tryAddHost(String hostUrl) {
        return SERVER.admin().call("addHost", "zoneid", remote.zone, "podid", remote.pod, "clusterid", remote.cluster,
                "hypervisor", "LXC", "url", hostUrl);
    }

    private static void assertRefused(String hostUrl, String reason) {
        NativeClient.Reply r = tryAddHost(hostUrl);
        assertEquals(hostUrl + ": " + r.body(), 431, r.status());
        assertTrue(hostUrl + ": " + r.body(), r.body().contains(reason));
    }

    private static String vmState(String id) {
        return ContainerZone.vmState(SERVER, id);
    }

    @Test
    public void aVmLivesOnTheDaemonOverHttpsAndItsEventsComeThatWay() throws Exception {
        JsonObject host = admin("listHosts", "id", remote.hostId).getAsJsonArray("host").get(0).getAsJsonObject();
        assertEquals("LXC", host.get("hypervisor").getAsString());
        assertEquals("Up", host.get("state").getAsString());
        JsonObject resources = daemon.lxd.get("/1.0/resources").getAsJsonObject();
        assertEquals("capacity read over HTTPS", resources.getAsJsonObject("memory").get("total").getAsLong(),
                host.get("memorytotal").getAsLong());

        String id = remote.deploy("remote1").get("id").getAsString();
        CREATED.add(id);
        assertTrue("the container runs on the daemon", daemon.running(id));
        assertEquals("128MiB", daemon.config(id, "limits.memory"));
        assertEquals("Stopped", ContainerZone.vmOf(remote.job("stopVirtualMachine", "id", id)).get("state")
                .getAsString());
        assertFalse(daemon.running(id));
        assertEquals("Running", ContainerZone.vmOf(remote.job("startVirtualMachine", "id", id)).get("state")
                .getAsString());
        assertTrue(daemon.running(id));

        LxcDriver driver = (LxcDriver) SERVER.server().coreBean(ModuleRegistry.class).driver("LXC").orElseThrow();
        HostRef ref = SERVER.server().coreBean(HostDao.class).hosts(null, null, null, null, "LXC", null).stream()
                .filter(h -> h.uuid().equals(remote.hostId)).findFirst().orElseThrow().ref();
        assertEquals("the event stream is open over TLS", true, Poll.until(true, 10_000, () -> driver.watching(ref)));
        daemon.kill(id);
        assertEquals("stopped on the daemon: settled from the TLS event stream", "Stopped",
                Poll.until("Stopped", 5_000, () -> vmState(id)));

        assertEquals(1, remote.job("destroyVirtualMachine", "id", id, "expunge", "true").get("jobstatus").getAsInt());
        assertFalse("expunge deletes the instance", daemon.instance(id).isPresent());
    }

    @Test
    public void everyTlsMisconfigurationIsRefusedWithTheProblemNamed() throws Exception {
        long hosts = admin("listHosts", "hypervisor", "LXC").getAsJsonArray("host").size();
        String server = "&servercert=" + pki.resolve("server.crt");
        String good = tls("client.crt", "client.key");
        assertRefused(url + "?clientcert=" + pki.resolve("client.crt") + server, "needs clientcert and clientkey");
        assertRefused(url + "?" + good, "needs exactly one of servercert");
        assertRefused(url + "?" + good + "&servercert=" + pki.resolve("nope.crt"), "servercert " + pki.resolve(
                "nope.crt") + " is not a readable file");
        assertRefused(url + "?" + tls("client.crt", "stranger.key") + server, "clientkey " + pki.resolve(
                "stranger.key") + " is not the private key of clientcert " + pki.resolve("client.crt"));
        assertRefused(url + "?" + good + "&servercert=" + pki.resolve("client.crt"), "TLS with the LXD daemon at "
                + url + " failed: the daemon's certificate ");
        assertRefused(url + "?" + good + "&serverfingerprint=" + "0".repeat(64), "is not the one serverfingerprint "
                + "names");
        assertRefused(url + "?" + good + "&serverfingerprint=" + trusted.substring(0, 10), "64 hex digits");
        assertRefused(url + "?" + tls("stranger.crt", "stranger.key") + server, "does not trust the client "
                + "certificate " + pki.resolve("stranger.crt") + "; add it on the daemon with lxc config trust add");
        URI plain = URI.create(SERVER.baseUrl());
        assertRefused("https://127.0.0.1:" + plain.getPort() + "?" + good + server, "nothing speaks TLS on that port");
        int closed = freePort();
        assertRefused("https://127.0.0.1:" + closed + "?" + good + server, "cannot reach the LXD daemon at "
                + "https://127.0.0.1:" + closed);
        assertRefused(LxdDaemon.URL + "?" + good, "apply to https:// LXD hosts only");
        assertEquals("none was added", hosts, admin("listHosts", "hypervisor", "LXC").getAsJsonArray("host").size());

        String serverFingerprint = daemon.lxd.get("/1.0").getAsJsonObject().getAsJsonObject("environment")
                .get("certificate_fingerprint").getAsString();
        assertEquals("the daemon pinned by its fingerprint alone is accepted", 200, tryAddHost(url + "?" + good
                + "&serverfingerprint=" + serverFingerprint).status());
    }
}
