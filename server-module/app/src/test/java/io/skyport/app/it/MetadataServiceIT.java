package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.network.Ipv4;
import io.skyport.core.network.NetworkDao;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The metadata listener on the simulator zone: instances made through EC2, GCE and the native API
 * get guest addresses from the zone network; each address is added to {@code lo} and requests are
 * sent from it, as the hosts forward an instance's requests to 169.254.169.254. Each instance reads
 * its own id, name, user data and keys through IMDSv1, IMDSv2 and the GCE metadata server and
 * never another's; requests without the header or token, with a bad token, through a proxy, or
 * from an address no running instance holds are refused with the real services' codes.
 */
public class MetadataServiceIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static final String FLAVOR = "Metadata-Flavor";
    private static final List<String> ADDED = new ArrayList<>();

    private static int port;
    private static Ec2Client ec2;
    private static GceClient gce;
    private static String zone;
    private static String keyA;
    private static String keyB;
    private static Instance vmA;
    private static Instance vmB;
    private static JsonObject gceVm;
    private static String gceAddress;
    private static String nativeId;
    private static String nativeAddress;
    private static String unknownAddress;

    @BeforeClass
    public static void setUp() throws Exception {
        Live.require("root", MetadataHttp.canAddAddresses(), "adding guest addresses to lo needs root");
        port = SERVER.server().metadataPort().orElseThrow();
        // a block of the zone's guest range of its own, so addresses this test puts on lo are unlikely
        // to be some other test's on the same machine
        NetworkDao networks = SERVER.server().coreBean(NetworkDao.class);
        var network = networks.list(null, null, null, null).get(0);
        int block = ThreadLocalRandom.current().nextInt(64, 250);
        networks.setCursor(network.id(), Ipv4.parse("198.18." + block + ".0"));
        unknownAddress = "198.18." + block + ".200";

        NativeClient alice = SERVER.tenant("mdalice" + System.nanoTime());
        ec2 = Ec2Sdk.client(SERVER, alice);
        keyA = ed25519();
        keyB = ed25519();
        ec2.importKeyPair(b -> b.keyName("key-a").publicKeyMaterial(SdkBytes.fromUtf8String(keyA + " a@it")));
        ec2.importKeyPair(b -> b.keyName("key-b").publicKeyMaterial(SdkBytes.fromUtf8String(keyB + " b@it")));
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        vmA = runEc2(image, "vm-a", "key-a", "#!/bin/sh\necho user-data-of-a\n");
        vmB = runEc2(image, "vm-b", "key-b", "#!/bin/sh\necho user-data-of-b\n");

        NativeClient bob = SERVER.tenant("mdbob" + System.nanoTime());
        gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(bob));
        zone = gce.ok("GET", "zones", null).getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
        String gceImage = gce.ok("GET", "global/images", null).getAsJsonArray("items").get(0).getAsJsonObject()
                .get("selfLink").getAsString();
        String machineType = "zones/" + zone + "/machineTypes/" + gce.ok("GET", "zones/" + zone + "/machineTypes", null)
                .getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
        String body = "{\"name\":\"gce-c\",\"machineType\":\"" + machineType + "\",\"disks\":[{\"boot\":true,"
                + "\"initializeParams\":{\"sourceImage\":\"" + gceImage + "\"}}],\"networkInterfaces\":[{\"network\":"
                + "\"global/networks/default\"}],\"metadata\":{\"items\":["
                + "{\"key\":\"startup-script\",\"value\":\"#!/bin/sh\\necho startup-of-c\"},"
                + "{\"key\":\"ssh-keys\",\"value\":\"carol:" + keyA + " carol\"},"
                + "{\"key\":\"role\",\"value\":\"db\"}]}}";
        JsonObject done = gce.await(gce.ok("POST", "zones/" + zone + "/instances", body));
        assertFalse(done.toString(), done.has("error"));
        gceVm = gce.ok("GET", "zones/" + zone + "/instances/gce-c", null);
        gceAddress = gceVm.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject().get("networkIP").getAsString();

        var ids = SERVER.admin();
        String zoneId = ids.call("listZones").inner().getAsJsonArray("zone").get(0).getAsJsonObject().get("id")
                .getAsString();
        String offering = ids.call("listServiceOfferings").inner().getAsJsonArray("serviceoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
        String template = ids.call("listTemplates", "templatefilter", "featured").inner().getAsJsonArray("template")
                .get(0).getAsJsonObject().get("id").getAsString();
        JsonObject deployed = ids.awaitJob(ids.call("deployVirtualMachine", "zoneid", zoneId, "serviceofferingid",
                offering, "templateid", template, "name", "native-d", "userdata",
                Base64.getEncoder().encodeToString("native-user-data".getBytes(StandardCharsets.UTF_8)))
                .inner().get("jobid").getAsString()).getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
        nativeId = deployed.get("id").getAsString();
        nativeAddress = deployed.getAsJsonArray("nic").get(0).getAsJsonObject().get("ipaddress").getAsString();

        for (String a : List.of(vmA.privateIpAddress(), vmB.privateIpAddress(), gceAddress, nativeAddress,
                unknownAddress)) {
            assertTrue(a, a.startsWith("198.18." + block + "."));
            MetadataHttp.addLoopbackAddress(a);
            ADDED.add(a);
        }
    }

    @AfterClass
    public static void tearDown() {
        ADDED.forEach(MetadataHttp::removeLoopbackAddress);
        if (ec2 != null) {
            ec2.close();
        }
    }

    private static Instance runEc2(String image, String name, String key, String userData) {
        Instance i = ec2.runInstances(b -> b.imageId(image).instanceType("small-instance").minCount(1).maxCount(1)
                .keyName(key).userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value(name).build()).build())).instances().get(0);
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(i.instanceId()));
        return ec2.describeInstances(r -> r.instanceIds(i.instanceId())).reservations().get(0).instances().get(0);
    }

    /** A fresh ssh-ed25519 public key in OpenSSH form (type and base64 blob). */
    static String ed25519() throws Exception {
        byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer blob = java.nio.ByteBuffer.allocate(4 + type.length + 4 + raw.length);
        blob.putInt(type.length).put(type).putInt(raw.length).put(raw);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array());
    }

    private static MetadataHttp.Reply imds(String source, String path, String... headers) {
        return MetadataHttp.get(source, port, "/latest" + path, headers);
    }

    private static String imdsOk(String source, String path, String... headers) {
        MetadataHttp.Reply r = imds(source, path, headers);
        assertEquals(path + ": " + r.body(), 200, r.status());
        return r.body();
    }

    private static MetadataHttp.Reply google(String source, String path) {
        return MetadataHttp.get(source, port, "/computeMetadata/v1/" + path, FLAVOR, "Google");
    }

    private static String googleOk(String source, String path) {
        MetadataHttp.Reply r = google(source, path);
        assertEquals(path + ": " + r.body(), 200, r.status());
        assertEquals("Google", r.header(FLAVOR));
        assertNotNull(path, r.header("ETag"));
        return r.body();
    }

    /**
     * The token with one character of its signature changed: a middle one, since the last
     * character of unpadded base64 carries bits a decoder may ignore.
     */
    private static String tampered(String token) {
        int at = token.indexOf('.') + 5;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + changed + token.substring(at + 1);
    }

    private static String token(String source, int ttl) {
        MetadataHttp.Reply r = MetadataHttp.send(source, port, "PUT", "/latest/api/token",
                "X-aws-ec2-metadata-token-ttl-seconds", Integer.toString(ttl));
        assertEquals(r.body(), 200, r.status());
        assertEquals(Integer.toString(ttl), r.header("X-aws-ec2-metadata-token-ttl-seconds"));
        return r.body();
    }

    @Test
    public void imdsV1GivesEachInstanceItsOwnIdentityUserDataAndKeys() {
        for (Instance vm : List.of(vmA, vmB)) {
            String a = vm.privateIpAddress();
            String own = vm == vmA ? "a" : "b";
            assertEquals(vm.instanceId(), imdsOk(a, "/meta-data/instance-id"));
            assertEquals(vm.imageId(), imdsOk(a, "/meta-data/ami-id"));
            assertEquals(vm.instanceTypeAsString(), imdsOk(a, "/meta-data/instance-type"));
            assertEquals(a, imdsOk(a, "/meta-data/local-ipv4"));
            assertEquals(vm.privateDnsName(), imdsOk(a, "/meta-data/hostname"));
            assertEquals(vm.placement().availabilityZone(), imdsOk(a, "/meta-data/placement/availability-zone"));
            assertEquals(Ec2Sdk.REGION, imdsOk(a, "/meta-data/placement/region"));
            assertEquals("#!/bin/sh\necho user-data-of-" + own + "\n", imdsOk(a, "/user-data"));
            assertEquals("0=key-" + own, imdsOk(a, "/meta-data/public-keys/"));
            assertEquals("openssh-key", imdsOk(a, "/meta-data/public-keys/0/"));
            assertTrue(imdsOk(a, "/meta-data/public-keys/0/openssh-key").startsWith(vm == vmA ? keyA : keyB));
            assertEquals(String.join("\n", vm.securityGroups().stream().map(g -> g.groupName()).toList()),
                    imdsOk(a, "/meta-data/security-groups"));
            String mac = imdsOk(a, "/meta-data/mac");
            assertTrue(mac, mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}"));
            assertEquals(a, imdsOk(a, "/meta-data/network/interfaces/macs/" + mac + "/local-ipv4s"));
            JsonObject doc = JsonParser.parseString(imdsOk(a, "/dynamic/instance-identity/document"))
                    .getAsJsonObject();
            assertEquals(vm.instanceId(), doc.get("instanceId").getAsString());
            assertEquals(vm.imageId(), doc.get("imageId").getAsString());
            assertEquals(a, doc.get("privateIp").getAsString());
            assertEquals(Ec2Sdk.REGION, doc.get("region").getAsString());
            assertTrue(doc.get("accountId").getAsString().matches("\\d{12}"));
            assertTrue(doc.has("pendingTime"));
        }
        assertNotEquals(imdsOk(vmA.privateIpAddress(), "/meta-data/instance-id"),
                imdsOk(vmB.privateIpAddress(), "/meta-data/instance-id"));
        String listing = imdsOk(vmA.privateIpAddress(), "/meta-data/");
        for (String entry : List.of("ami-id", "hostname", "instance-id", "instance-type", "local-hostname",
                "local-ipv4", "mac", "placement/", "public-keys/", "security-groups")) {
            assertTrue(listing, listing.lines().anyMatch(entry::equals));
        }
        assertEquals(List.of("dynamic", "meta-data", "user-data"), imdsOk(vmA.privateIpAddress(), "/").lines().toList());
        assertEquals(404, imds(vmA.privateIpAddress(), "/meta-data/no-such-category").status());
        assertTrue(imds(vmA.privateIpAddress(), "/meta-data/no-such-category").body().contains("404 - Not Found"));
    }

    @Test
    public void imdsV2TokensAreRequiredOnlyWhenSentOrConfiguredAndBelongToOneInstance() throws Exception {
        String a = vmA.privateIpAddress();
        String b = vmB.privateIpAddress();
        String tokenA = token(a, 60);
        assertEquals(vmA.instanceId(), imdsOk(a, "/meta-data/instance-id", "X-aws-ec2-metadata-token", tokenA));
        assertEquals("#!/bin/sh\necho user-data-of-a\n", imdsOk(a, "/user-data", "X-aws-ec2-metadata-token", tokenA));
        // a token works for the instance it was issued to only
        assertEquals(401, imds(b, "/meta-data/instance-id", "X-aws-ec2-metadata-token", tokenA).status());
        assertEquals(401, imds(a, "/meta-data/instance-id", "X-aws-ec2-metadata-token", "bogus").status());
        assertEquals(401, imds(a, "/meta-data/instance-id", "X-aws-ec2-metadata-token", tampered(tokenA)).status());
        // the TTL must be 1..21600 seconds
        for (String ttl : List.of("0", "21601", "-5", "ten")) {
            assertEquals(ttl, 400, MetadataHttp.send(a, port, "PUT", "/latest/api/token",
                    "X-aws-ec2-metadata-token-ttl-seconds", ttl).status());
        }
        assertEquals(400, MetadataHttp.send(a, port, "PUT", "/latest/api/token").status());
        assertEquals(21600, Integer.parseInt(MetadataHttp.send(a, port, "PUT", "/latest/api/token",
                "X-aws-ec2-metadata-token-ttl-seconds", "21600").header("X-aws-ec2-metadata-token-ttl-seconds")));
        // a token request that went through a proxy is refused
        assertEquals(403, MetadataHttp.send(a, port, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds",
                "60", "X-Forwarded-For", "198.18.0.1").status());
        assertEquals(405, imds(a, "/api/token").status());
        // a token of one second expires
        String shortLived = token(a, 1);
        Thread.sleep(1_500);
        assertEquals(401, imds(a, "/meta-data/instance-id", "X-aws-ec2-metadata-token", shortLived).status());
        // with HttpTokens required, IMDSv1 is refused and IMDSv2 still answers
        SERVER.admin().call("updateConfiguration", "name", "ec2.metadata.http.tokens", "value", "required");
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (imds(a, "/meta-data/instance-id").status() != 401 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(401, imds(a, "/meta-data/instance-id").status());
            assertEquals(vmA.instanceId(), imdsOk(a, "/meta-data/instance-id", "X-aws-ec2-metadata-token",
                    token(a, 60)));
        } finally {
            SERVER.admin().call("updateConfiguration", "name", "ec2.metadata.http.tokens", "value", "optional");
        }
    }

    @Test
    public void gceMetadataServerAnswersWithTheInstancesOwnValues() {
        String c = gceAddress;
        assertEquals(gceVm.get("id").getAsString(), googleOk(c, "instance/id"));
        assertEquals("gce-c", googleOk(c, "instance/name"));
        assertTrue(googleOk(c, "instance/zone").matches("projects/\\d+/zones/" + zone));
        assertTrue(googleOk(c, "instance/machine-type").matches("projects/\\d+/machineTypes/.+"));
        assertEquals(c, googleOk(c, "instance/network-interfaces/0/ip"));
        assertTrue(googleOk(c, "instance/network-interfaces/0/mac").matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}"));
        assertTrue(googleOk(c, "instance/network-interfaces/0/network").endsWith("/networks/default"));
        assertEquals("#!/bin/sh\necho startup-of-c", googleOk(c, "instance/attributes/startup-script"));
        assertEquals("carol:" + keyA + " carol", googleOk(c, "instance/attributes/ssh-keys"));
        assertEquals("db", googleOk(c, "instance/attributes/role"));
        assertTrue(googleOk(c, "instance/attributes/").lines().toList().containsAll(List.of("role", "ssh-keys",
                "startup-script")));
        assertEquals(gce.project(), googleOk(c, "project/project-id"));
        assertTrue(googleOk(c, "project/numeric-project-id").matches("\\d+"));
        assertTrue(googleOk(c, "instance/hostname").startsWith("gce-c."));
        assertTrue(googleOk(c, "instance/").lines().toList().containsAll(List.of("attributes/", "id", "name",
                "network-interfaces/", "zone")));
        // the whole tree as JSON, keys camelCased except the user's attribute keys
        JsonObject all = JsonParser.parseString(googleOk(c, "?recursive=true")).getAsJsonObject();
        JsonObject instance = all.getAsJsonObject("instance");
        assertEquals("gce-c", instance.get("name").getAsString());
        assertEquals(gceVm.get("id").getAsString(), instance.get("id").getAsString());
        assertEquals(c, instance.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject().get("ip").getAsString());
        assertEquals("db", instance.getAsJsonObject("attributes").get("role").getAsString());
        assertEquals("#!/bin/sh\necho startup-of-c", instance.getAsJsonObject("attributes").get("startup-script")
                .getAsString());
        assertEquals(gce.project(), all.getAsJsonObject("project").get("projectId").getAsString());
        MetadataHttp.Reply json = google(c, "instance/name?alt=json");
        assertEquals("\"gce-c\"", json.body());
        assertTrue(json.header("Content-Type").startsWith("application/json"));
        assertEquals(400, google(c, "instance/name?alt=xml").status());
        // a directory is named with its trailing slash
        MetadataHttp.Reply redirect = google(c, "instance/attributes");
        assertEquals(301, redirect.status());
        assertTrue(redirect.header("Location").endsWith("/computeMetadata/v1/instance/attributes/"));
        assertEquals(404, google(c, "instance/attributes/no-such-key").status());
        assertEquals(404, google(c, "no-such-directory/").status());
    }

    @Test
    public void everyApiSeesTheSameVmThroughBothMetadataServices() {
        // an EC2 instance through the GCE metadata server: its name and user data
        assertEquals("#!/bin/sh\necho user-data-of-b\n", googleOk(vmB.privateIpAddress(), "instance/attributes/user-data"));
        // a native VM through both: its user data, and nothing of the other instances
        assertEquals("native-user-data", imdsOk(nativeAddress, "/user-data"));
        assertEquals("native-user-data", googleOk(nativeAddress, "instance/attributes/user-data"));
        assertEquals("native-d", googleOk(nativeAddress, "instance/name"));
        String nativeInstance = imdsOk(nativeAddress, "/meta-data/instance-id");
        assertTrue(nativeInstance.matches("i-[0-9a-f]{17}"));
        assertFalse(List.of(vmA.instanceId(), vmB.instanceId()).contains(nativeInstance));
        // a GCE instance through IMDS: its ssh-keys item is its key pair, and it has its own id
        assertTrue(imdsOk(gceAddress, "/meta-data/public-keys/").matches("0=.+"));
        assertTrue(imdsOk(gceAddress, "/meta-data/public-keys/0/openssh-key").startsWith(keyA));
        assertNotEquals(imdsOk(gceAddress, "/meta-data/instance-id"), nativeInstance);
        assertEquals(gceAddress, imdsOk(gceAddress, "/meta-data/local-ipv4"));
    }

    @Test
    public void requestsWithoutTheFlavorHeaderOrThroughAProxyAreRefused() {
        MetadataHttp.Reply none = MetadataHttp.get(gceAddress, port, "/computeMetadata/v1/instance/id");
        assertEquals(403, none.status());
        assertTrue(none.body(), none.body().contains("Missing Metadata-Flavor:Google header"));
        assertEquals("Google", none.header(FLAVOR));
        assertFalse(none.body().contains(gceVm.get("id").getAsString()));
        assertEquals(403, MetadataHttp.get(gceAddress, port, "/computeMetadata/v1/instance/id", FLAVOR, "google")
                .status());
        assertEquals(403, MetadataHttp.get(gceAddress, port, "/computeMetadata/v1/instance/id", FLAVOR, "Google",
                "X-Forwarded-For", "198.18.0.9").status());
    }

    @Test
    public void anUnknownOrStoppedSourceGetsNothing() {
        for (String path : List.of("/latest/meta-data/instance-id", "/latest/user-data", "/computeMetadata/v1/instance/id",
                "/computeMetadata/v1/?recursive=true", "/nothing")) {
            MetadataHttp.Reply r = MetadataHttp.get(unknownAddress, port, path, FLAVOR, "Google");
            assertEquals(path, 403, r.status());
            assertEquals(path, "Forbidden", r.body());
        }
        assertEquals(403, MetadataHttp.send(unknownAddress, port, "PUT", "/latest/api/token",
                "X-aws-ec2-metadata-token-ttl-seconds", "60").status());
        // the API port serves no metadata, the metadata port no API
        assertEquals(404, MetadataHttp.get("127.0.0.1", SERVER.server().port(), "/latest/meta-data/instance-id")
                .status());
        assertEquals(404, MetadataHttp.get(nativeAddress, port, "/client/api?command=listZones").status());
    }

    /** A second server on the machine finds the metadata port taken: it serves its API without metadata. */
    @Test
    public void aTakenMetadataPortLeavesTheApiServing() throws Exception {
        try (TestServer second = new TestServer(Map.of("skyport.metadata.port", Integer.toString(port)))) {
            second.start();
            assertTrue(second.server().metadataPort().isEmpty());
            assertEquals(200, second.admin().call("listZones").status());
        }
        assertEquals(vmA.instanceId(), imdsOk(vmA.privateIpAddress(), "/meta-data/instance-id"));
    }

    @Test
    public void aStoppedInstanceIsNoLongerACaller() {
        var admin = SERVER.admin();
        String other = imdsOk(nativeAddress, "/meta-data/instance-id");
        admin.awaitJob(admin.call("stopVirtualMachine", "id", nativeId).inner().get("jobid").getAsString());
        try {
            assertEquals(403, imds(nativeAddress, "/meta-data/instance-id").status());
            assertEquals(403, google(nativeAddress, "instance/id").status());
        } finally {
            admin.awaitJob(admin.call("startVirtualMachine", "id", nativeId).inner().get("jobid").getAsString());
        }
        assertEquals(other, imdsOk(nativeAddress, "/meta-data/instance-id"));
    }

    /**
     * The guest init (tools/image/guest-init) run by busybox with the instance's address as the
     * metadata host: a connection to a local address leaves from that address, so the listener
     * sees the instance. It runs GCE's startup-script, else EC2's user data, else the seed.
     */
    @Test
    public void guestInitRunsTheScriptOfItsOwnInstance() throws Exception {
        Path script = Path.of("../../tools/image/guest-init").toAbsolutePath().normalize();
        Live.require("busybox", Files.isExecutable(Path.of("/bin/busybox")) && Files.isRegularFile(script),
                "the guest init needs /bin/busybox (busybox-static) and " + script);
        Path seed = Files.createTempDirectory("guest-init-seed");
        Files.writeString(seed.resolve("user-data"), "#!/bin/sh\necho from-the-seed\n");
        // a project-wide key for bob's project, which his instance's init must add beside its own
        String fingerprint = gce.ok("GET", "/compute/v1/projects/" + gce.project(), null)
                .getAsJsonObject("commonInstanceMetadata").get("fingerprint").getAsString();
        gce.await(gce.ok("POST", "setCommonInstanceMetadata", "{\"fingerprint\":\"" + fingerprint
                + "\",\"items\":[{\"key\":\"ssh-keys\",\"value\":\"ops:" + keyB + " ops\"}]}"));
        Path ec2Keys = Files.createTempDirectory("guest-init-ssh-a");
        Path gceKeys = Files.createTempDirectory("guest-init-ssh-c");
        Path offlineKeys = Files.createTempDirectory("guest-init-ssh-x");
        try {
            String ec2Run = guestInit(script, vmA.privateIpAddress(), seed, ec2Keys);
            assertTrue(ec2Run, ec2Run.contains("running the script from EC2 instance metadata"));
            assertTrue(ec2Run, ec2Run.lines().anyMatch("user-data-of-a"::equals));
            assertEquals("vm-a's key pair, once", List.of(keyA), authorizedKeys(ec2Keys));
            String gceRun = guestInit(script, gceAddress, seed, gceKeys);
            assertTrue(gceRun, gceRun.contains("running the script from GCE metadata server"));
            assertTrue(gceRun, gceRun.lines().anyMatch("startup-of-c"::equals));
            assertFalse(gceRun, gceRun.contains("user-data-of-a"));
            assertEquals("the instance's ssh-keys and the project's, each once", List.of(keyA, keyB),
                    authorizedKeys(gceKeys));
            assertTrue(gceRun, guestInit(script, gceAddress, seed, gceKeys).contains("added 0 SSH key(s)"));
            String offline = guestInit(script, unknownAddress, seed, offlineKeys);
            assertTrue(offline, offline.contains("running the script from NoCloud seed"));
            assertTrue(offline, offline.lines().anyMatch("from-the-seed"::equals));
            assertEquals("an unknown source is given no keys", List.of(), authorizedKeys(offlineKeys));
        } finally {
            TestServer.deleteTree(seed);
            TestServer.deleteTree(ec2Keys);
            TestServer.deleteTree(gceKeys);
            TestServer.deleteTree(offlineKeys);
        }
    }

    /** The keys (type and base64, without comments) of the authorized_keys file in the directory. */
    private static List<String> authorizedKeys(Path sshDir) throws IOException {
        Path file = sshDir.resolve("authorized_keys");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] words = l.split(" ");
            return words[0] + " " + words[1];
        }).toList();
    }

    private static String guestInit(Path script, String metadataHost, Path seed, Path sshDir) throws Exception {
        // busybox's own applets (nc, sed, head…) whatever the machine has on its PATH
        Path bin = Files.createTempDirectory("guest-init-bin");
        Path work = Files.createTempDirectory("guest-init-work");
        try {
            for (String applet : List.of("nc", "sed", "head", "cat", "cp", "rm", "mkdir", "chmod", "printf", "echo",
                    "sh", "grep")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("/bin/busybox"));
            }
            ProcessBuilder pb = new ProcessBuilder("/bin/busybox", "sh", script.toString()).redirectErrorStream(true);
            pb.environment().put("PATH", bin.toString());
            pb.environment().put("SKYPORT_METADATA_HOST", metadataHost);
            pb.environment().put("SKYPORT_METADATA_PORT", Integer.toString(port));
            pb.environment().put("SKYPORT_SEED_DIR", seed.toString());
            pb.environment().put("SKYPORT_INIT_DIR", work.toString());
            pb.environment().put("SKYPORT_SSH_DIR", sshDir.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue("guest init did not finish", p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(out, 0, p.exitValue());
            return out;
        } finally {
            TestServer.deleteTree(bin);
            TestServer.deleteTree(work);
        }
    }

    @Test
    public void waitForChangeReturnsWhenSetMetadataChangesTheValue() throws Exception {
        String c = gceAddress;
        MetadataHttp.Reply now = google(c, "instance/attributes/?recursive=true");
        String etag = now.header("ETag");
        // a wait that times out answers the current value with the same ETag
        MetadataHttp.Reply timedOut = google(c, "instance/attributes/?recursive=true&wait_for_change=true&timeout_sec=1"
                + "&last_etag=" + etag);
        assertEquals(200, timedOut.status());
        assertEquals(etag, timedOut.header("ETag"));
        // a stale ETag answers at once
        MetadataHttp.Reply stale = google(c, "instance/attributes/?recursive=true&wait_for_change=true&last_etag=0123");
        assertEquals(etag, stale.header("ETag"));
        assertEquals(400, google(c, "instance/attributes/?wait_for_change=true&timeout_sec=soon").status());

        CompletableFuture<MetadataHttp.Reply> waiting = CompletableFuture.supplyAsync(() -> google(c,
                "instance/attributes/?recursive=true&wait_for_change=true&timeout_sec=60&last_etag=" + etag));
        Thread.sleep(1_000);
        assertFalse("the wait must hold until the metadata changes", waiting.isDone());
        JsonObject vm = gce.ok("GET", "zones/" + zone + "/instances/gce-c", null);
        String fingerprint = vm.getAsJsonObject("metadata").get("fingerprint").getAsString();
        gce.await(gce.ok("POST", "zones/" + zone + "/instances/gce-c/setMetadata", "{\"fingerprint\":\""
                + fingerprint + "\",\"items\":[{\"key\":\"startup-script\",\"value\":\"#!/bin/sh\\necho startup-of-c\"},"
                + "{\"key\":\"ssh-keys\",\"value\":\"carol:" + keyA + " carol\"},"
                + "{\"key\":\"role\",\"value\":\"db\"},{\"key\":\"phase\",\"value\":\"two\"}]}"));
        MetadataHttp.Reply changed = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(200, changed.status());
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("two", JsonParser.parseString(changed.body()).getAsJsonObject().get("phase").getAsString());
        assertEquals("two", googleOk(c, "instance/attributes/phase"));
    }

    /**
     * projects.setCommonInstanceMetadata: the project's items are every instance's
     * {@code project/attributes}, a waiting reader is woken by the change, a stale fingerprint is
     * refused with 412, and another project's instance sees none of them.
     */
    @Test
    public void projectAttributesAreTheProjectsCommonInstanceMetadata() throws Exception {
        String c = gceAddress;
        MetadataHttp.Reply before = google(c, "project/attributes/?recursive=true");
        assertEquals(200, before.status());
        String etag = before.header("ETag");
        String fingerprint = gce.ok("GET", "/compute/v1/projects/" + gce.project(), null).getAsJsonObject("commonInstanceMetadata").get("fingerprint")
                .getAsString();
        String body = "{\"fingerprint\":\"%s\",\"items\":[{\"key\":\"ssh-keys\",\"value\":\"ops:" + keyB
                + " ops\"},{\"key\":\"team\",\"value\":\"metadata-%s\"}]}";
        GceClient.Reply stale = gce.call("POST", "setCommonInstanceMetadata", String.format(body, "AAAAAAAAAAA=", "x"));
        assertEquals(stale.body(), 412, stale.status());
        assertTrue(stale.body(), stale.body().contains("conditionNotMet"));

        CompletableFuture<MetadataHttp.Reply> waiting = CompletableFuture.supplyAsync(() -> google(c,
                "project/attributes/?recursive=true&wait_for_change=true&timeout_sec=60&last_etag=" + etag));
        Thread.sleep(1_000);
        assertFalse("the wait must hold until the project's metadata changes", waiting.isDone());
        JsonObject done = gce.await(gce.ok("POST", "setCommonInstanceMetadata", String.format(body, fingerprint,
                "one")));
        assertFalse(done.toString(), done.has("error"));
        MetadataHttp.Reply changed = waiting.get(30, TimeUnit.SECONDS);
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("metadata-one", JsonParser.parseString(changed.body()).getAsJsonObject().get("team")
                .getAsString());
        assertEquals("ops:" + keyB + " ops", googleOk(c, "project/attributes/ssh-keys"));
        assertEquals("ssh-keys\nteam\n", googleOk(c, "project/attributes/"));
        assertFalse("the instance's own attributes stay its own", googleOk(c, "instance/attributes/")
                .contains("team"));

        JsonObject project = gce.ok("GET", "/compute/v1/projects/" + gce.project(), null).getAsJsonObject("commonInstanceMetadata");
        assertNotEquals(fingerprint, project.get("fingerprint").getAsString());
        assertEquals(2, project.getAsJsonArray("items").size());
        GceClient.Reply replayed = gce.call("POST", "setCommonInstanceMetadata", String.format(body, fingerprint,
                "two"));
        assertEquals("the fingerprint read before the change is stale now: " + replayed.body(), 412,
                replayed.status());
        assertEquals("metadata-one", googleOk(c, "project/attributes/team"));

        assertEquals("another project's instance sees its own project only", "",
                googleOk(vmA.privateIpAddress(), "project/attributes/"));
        assertEquals(404, google(vmA.privateIpAddress(), "project/attributes/team").status());
    }
}
