package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.app.it.BridgedZone.Instance;
import io.skyport.plugin.HypervisorDriver.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The metadata services as instances on real container hosts see them, and images that boot
 * configured. One bridged zone ({@link BridgedZone}) with a Docker and an LXD host; its image is
 * the busybox root file system with tools/image/guest-init as /sbin/skyport-init, run by init at
 * boot, registered as a tarball template for each daemon. Four instances of it: one made by EC2
 * RunInstances (UserData, KeyName) and one by GCE instances.insert (startup-script, user-data,
 * ssh-keys) on each daemon. Each must boot configured (its script wrote its marker; the console
 * shows skyport-init running it), and from inside each one IMDSv1, IMDSv2 and the GCE metadata
 * server answer with what the APIs report for that instance and for no other, refusing requests
 * without a valid token or the Metadata-Flavor header. Requests are made with busybox nc from
 * inside, to 169.254.169.254:80, as the instance's own software would. Last, HttpTokens per
 * instance (RunInstances MetadataOptions, ModifyInstanceMetadataOptions) over the global setting.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class InstanceMetadataIT {
    private static final BridgedZone ZONE = new BridgedZone("Imd");
    private static final TestServer SERVER = ZONE.server;
    private static final String RUN = ZONE.run;
    private static final String MARKER = "/root/skyport-marker";
    private static final long BOOT_WITHIN_MS = 90_000;

    private static TarballServer images;
    private static Ec2Client ec2;
    private static GceClient gce;
    private static String gceZone;
    private static final List<Guest> GUESTS = new ArrayList<>();

    /**
     * One instance and what the APIs report for it: its EC2 instance id, GCE numeric id, EC2 user
     * data (null without), GCE metadata items, the EC2 key pair's public key (null without), the
     * API that made it and the marker its boot script writes.
     */
    private record Guest(Instance vm, String api, String ec2Id, String gceId, String userData,
            Map<String, String> gceItems, String keyName, String openSshKey, String marker) {
    }

    @BeforeClass
    public static void instancesOfTheGuestInitImageOnBothDaemons() throws Exception {
        ZONE.open();
        Path guestInit = Path.of("../../tools/image/guest-init").toAbsolutePath().normalize();
        images = new TarballServer(DockerEngine.guestInitTarball(guestInit));
        Map<String, String> imageNames = new LinkedHashMap<>();
        for (String hypervisor : List.of("Docker", "LXC")) {
            String name = "imd-init-" + hypervisor.toLowerCase(Locale.ROOT) + "-" + RUN;
            ZONE.tarballTemplate(hypervisor, name, images.url());
            imageNames.put(hypervisor, name);
        }
        ec2 = Ec2Sdk.client(SERVER, SERVER.admin());
        gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        gceZone = ZONE.zoneName.toLowerCase(Locale.ROOT);

        String dockerKey = MetadataServiceIT.ed25519() + " imd-docker";
        String lxcKey = MetadataServiceIT.ed25519() + " imd-lxc";
        runEc2("imd-ec2-docker-" + RUN, imageNames.get("Docker"), "imd-key-docker-" + RUN, dockerKey);
        runEc2("imd-ec2-lxc-" + RUN, imageNames.get("LXC"), "imd-key-lxc-" + RUN, lxcKey);
        insertGce("imd-gce-lxc-" + RUN, imageNames.get("LXC"), "alice:" + MetadataServiceIT.ed25519() + " alice");
        insertGce("imd-gce-docker-" + RUN, imageNames.get("Docker"), "bob:" + MetadataServiceIT.ed25519() + " bob");
        assertEquals("one EC2 and one GCE instance on each daemon", 2, GUESTS.stream()
                .filter(g -> g.vm().hypervisor().equals("Docker")).count());
    }

    @AfterClass
    public static void cleanUp() throws Exception {
        ZONE.close();
        if (ec2 != null) {
            ec2.close();
        }
        if (images != null) {
            images.close();
        }
    }

    /** A script that writes the instance's marker and says so on the console. */
    private static String bootScript(String name) {
        return "#!/bin/sh\nmkdir -p /root\necho configured-" + name + " > " + MARKER + "\necho wrote-marker-of-" + name
                + "\n";
    }

    private static void runEc2(String name, String image, String keyName, String key) throws Exception {
        ec2.importKeyPair(r -> r.keyName(keyName).publicKeyMaterial(SdkBytes.fromUtf8String(key)));
        String imageId = ec2.describeImages(r -> r.filters(Filter.builder().name("name").values(image).build()))
                .images().get(0).imageId();
        String userData = bootScript(name);
        String id = ec2.runInstances(r -> r.imageId(imageId).instanceType(ZONE.offeringName).minCount(1).maxCount(1)
                .keyName(keyName).placement(p -> p.availabilityZone(ZONE.zoneName))
                .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value(name).build()).build())).instances().get(0).instanceId();
        ec2.waiter().waitUntilInstanceRunning(DescribeInstancesRequest.builder().instanceIds(id).build(),
                Ec2Sdk.quickly());
        // the key pair keeps the key's type and blob, not the comment it was imported with
        String[] parts = key.split(" ");
        GUESTS.add(guest(name, "EC2", parts[0] + " " + parts[1]));
    }

    private static void insertGce(String name, String image, String sshKeys) {
        String items = "[{\"key\":\"startup-script\",\"value\":" + json(bootScript(name)) + "},"
                + "{\"key\":\"user-data\",\"value\":" + json("#cloud-config\n# user data of " + name + "\n") + "},"
                + "{\"key\":\"ssh-keys\",\"value\":" + json(sshKeys) + "}]";
        String body = "{\"name\":\"" + name + "\",\"machineType\":\"zones/" + gceZone + "/machineTypes/"
                + ZONE.offeringName.toLowerCase(Locale.ROOT) + "\",\"disks\":[{\"boot\":true,\"initializeParams\":"
                + "{\"sourceImage\":\"global/images/" + image + "\"}}],\"metadata\":{\"items\":" + items + "}}";
        JsonObject done = gce.await(gce.ok("POST", "zones/" + gceZone + "/instances", body));
        assertFalse(done.toString(), done.has("error"));
        GUESTS.add(guest(name, "GCE", null));
    }

    private static String json(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }

    /** The instance as the three APIs report it. */
    private static Guest guest(String name, String api, String openSshKey) {
        Instance vm = ZONE.adopt(name);
        software.amazon.awssdk.services.ec2.model.Instance described = ec2.describeInstances(r -> r.filters(
                Filter.builder().name("tag:Name").values(name).build())).reservations().get(0).instances().get(0);
        String encoded = ec2.describeInstanceAttribute(r -> r.instanceId(described.instanceId())
                .attribute(InstanceAttributeName.USER_DATA)).userData().value();
        String userData = encoded == null || encoded.isEmpty() ? null
                : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        JsonObject instance = gce.ok("GET", "zones/" + gceZone + "/instances/" + name, null);
        Map<String, String> items = new LinkedHashMap<>();
        JsonObject metadata = instance.getAsJsonObject("metadata");
        if (metadata != null && metadata.has("items")) {
            for (JsonElement e : metadata.getAsJsonArray("items")) {
                items.put(e.getAsJsonObject().get("key").getAsString(), e.getAsJsonObject().get("value").getAsString());
            }
        }
        assertEquals(vm.ip(), described.privateIpAddress());
        assertEquals(vm.ip(), instance.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject().get("networkIP")
                .getAsString());
        return new Guest(vm, api, described.instanceId(), instance.get("id").getAsString(), userData, items,
                described.keyName(), openSshKey, "configured-" + name);
    }

    @Test
    public void a_eachInstanceBootsConfiguredByItsOwnScriptFromTheMetadataService() throws Exception {
        for (Guest g : GUESTS) {
            String marker = awaitText(() -> ZONE.exec(g.vm(), "cat", MARKER).stdout().trim(),
                    g.marker()::equals);
            assertEquals(g.vm().name() + " (" + g.vm().hypervisor() + ") ran its boot script", g.marker(), marker);
            String source = g.api().equals("EC2") ? "running the script from EC2 instance metadata (user-data)"
                    : "running the script from GCE metadata server (startup-script)";
            String console = awaitText(() -> console(g), text -> text.contains("skyport-init: script finished"));
            assertTrue(g.vm().name() + "'s console shows the guest init: " + console,
                    console.contains("skyport-init: " + source));
            assertTrue(console, console.contains("wrote-marker-of-" + g.vm().name()));
            assertTrue(console, console.contains("skyport-init: script finished with status 0"));
            for (Guest other : GUESTS) {
                assertFalse(g.vm().name() + " ran no other instance's script: " + console, other != g
                        && console.contains("wrote-marker-of-" + other.vm().name()));
            }
        }
    }

    /** The console through the API that made the instance: EC2 GetConsoleOutput or GCE getSerialPortOutput. */
    private static String console(Guest g) {
        if (g.api().equals("EC2")) {
            String output = ec2.getConsoleOutput(r -> r.instanceId(g.ec2Id())).output();
            return output == null ? "" : new String(Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
        }
        return gce.ok("GET", "zones/" + gceZone + "/instances/" + g.vm().name() + "/serialPort", null)
                .get("contents").getAsString();
    }

    @Test
    public void b_imdsV1GivesEachInstanceItsOwnIdentityUserDataAndKey() {
        for (Guest g : GUESTS) {
            String who = g.vm().name() + " (" + g.vm().hypervisor() + ")";
            assertEquals(who, g.ec2Id(), ok(g, "/latest/meta-data/instance-id"));
            assertEquals(who, g.vm().ip(), ok(g, "/latest/meta-data/local-ipv4"));
            Answer userData = http(g, "GET", "/latest/user-data");
            if (g.userData() == null) {
                assertEquals(who + ": no user data, 404", 404, userData.status());
            } else {
                assertEquals(who + ": " + userData, 200, userData.status());
                assertEquals(who, g.userData(), userData.body());
            }
            if (g.openSshKey() != null) {
                assertEquals(who, "0=" + g.keyName(), ok(g, "/latest/meta-data/public-keys/").trim());
                assertEquals(who, g.openSshKey(), ok(g, "/latest/meta-data/public-keys/0/openssh-key").trim());
            }
        }
        assertAllDiffer("instance-id", g -> ok(g, "/latest/meta-data/instance-id"));
        assertAllDiffer("local-ipv4", g -> ok(g, "/latest/meta-data/local-ipv4"));
        assertAllDiffer("user-data", g -> http(g, "GET", "/latest/user-data").body());
        assertNotEquals(ok(GUESTS.get(0), "/latest/meta-data/public-keys/0/openssh-key"),
                ok(GUESTS.get(1), "/latest/meta-data/public-keys/0/openssh-key"));
    }

    @Test
    public void c_imdsV2TokensWorkForTheInstanceThatGotThemOnly() {
        List<String> tokens = new ArrayList<>();
        for (Guest g : GUESTS) {
            String who = g.vm().name() + " (" + g.vm().hypervisor() + ")";
            Answer put = http(g, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds: 120");
            assertEquals(who + ": " + put, 200, put.status());
            String token = put.body().trim();
            assertFalse(token.isEmpty());
            tokens.add(token);
            Answer id = http(g, "GET", "/latest/meta-data/instance-id", "X-aws-ec2-metadata-token: " + token);
            assertEquals(who + ": " + id, 200, id.status());
            assertEquals(who, g.ec2Id(), id.body());
            Answer userData = http(g, "GET", "/latest/user-data", "X-aws-ec2-metadata-token: " + token);
            assertEquals(who, g.userData(), userData.status() == 404 ? null : userData.body());
            Answer bad = http(g, "GET", "/latest/meta-data/instance-id", "X-aws-ec2-metadata-token: not-a-token");
            assertEquals(who + ": a bad token is refused: " + bad, 401, bad.status());
            assertFalse(who, bad.body().contains(g.ec2Id()));
            Answer noTtl = http(g, "PUT", "/latest/api/token");
            assertEquals(who + ": a token PUT without a TTL: " + noTtl, 400, noTtl.status());
        }
        assertEquals("each instance got its own token", GUESTS.size(), new HashSet<>(tokens).size());
        for (int i = 0; i < GUESTS.size(); i++) {
            Guest g = GUESTS.get(i);
            String another = tokens.get((i + 1) % tokens.size());
            Answer stolen = http(g, "GET", "/latest/meta-data/instance-id", "X-aws-ec2-metadata-token: " + another);
            assertEquals(g.vm().name() + " cannot use another instance's token: " + stolen, 401, stolen.status());
        }
    }

    @Test
    public void d_theGceMetadataServerGivesEachInstanceItsOwnAndNeedsTheFlavorHeader() {
        for (Guest g : GUESTS) {
            String who = g.vm().name() + " (" + g.vm().hypervisor() + ")";
            assertEquals(who, g.gceId(), google(g, "instance/id"));
            assertEquals(who, g.vm().name(), google(g, "instance/name"));
            assertFalse(who + " has metadata items", g.gceItems().isEmpty());
            for (Map.Entry<String, String> item : g.gceItems().entrySet()) {
                assertEquals(who + ": " + item.getKey(), item.getValue(), google(g, "instance/attributes/"
                        + item.getKey()));
            }
            String listed = google(g, "instance/attributes/");
            assertEquals(who + ": " + listed, g.gceItems().keySet(), new HashSet<>(listed.lines().toList()));
            for (String path : List.of("instance/id", "instance/name", "instance/attributes/")) {
                Answer refused = http(g, "GET", "/computeMetadata/v1/" + path);
                assertEquals(who + ": no Metadata-Flavor, " + refused, 403, refused.status());
                assertTrue(refused.body(), refused.body().contains("Missing Metadata-Flavor:Google header."));
                assertFalse(refused.body(), refused.body().contains(g.gceId()) || refused.body().contains(g.vm()
                        .name()));
                Answer wrong = http(g, "GET", "/computeMetadata/v1/" + path, "Metadata-Flavor: Amazon");
                assertEquals(who + ": a wrong Metadata-Flavor, " + wrong, 403, wrong.status());
            }
        }
        assertAllDiffer("instance/id", g -> google(g, "instance/id"));
        assertAllDiffer("instance/name", g -> google(g, "instance/name"));
        List<Guest> gceMade = GUESTS.stream().filter(g -> g.api().equals("GCE")).toList();
        assertEquals(2, gceMade.size());
        for (String key : List.of("ssh-keys", "startup-script", "user-data")) {
            assertNotEquals(key, google(gceMade.get(0), "instance/attributes/" + key),
                    google(gceMade.get(1), "instance/attributes/" + key));
        }
    }

    /** The HttpTokens DescribeInstances shows per instance id, with its metadata options applied. */
    private static Map<String, HttpTokensState> describedHttpTokens(String... ids) {
        Map<String, HttpTokensState> out = new HashMap<>();
        ec2.describeInstances(r -> r.instanceIds(ids)).reservations().forEach(res -> res.instances().forEach(i -> {
            assertEquals("applied", i.metadataOptions().stateAsString());
            out.put(i.instanceId(), i.metadataOptions().httpTokens());
        }));
        return out;
    }

    private static Integer describedHopLimit(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .metadataOptions().httpPutResponseHopLimit();
    }

    /**
     * Per-instance HttpTokens: ModifyInstanceMetadataOptions on a running instance and RunInstances
     * MetadataOptions both win over the global setting (optional here) for that instance only, from
     * its next metadata request on.
     */
    @Test
    public void e_httpTokensPerInstanceFromRunInstancesAndModifyInstanceMetadataOptions() {
        Guest ec2Docker = GUESTS.get(0);
        Guest ec2Lxc = GUESTS.get(1);
        var modified = ec2.modifyInstanceMetadataOptions(r -> r.instanceId(ec2Docker.ec2Id())
                .httpTokens(HttpTokensState.REQUIRED));
        assertEquals(ec2Docker.ec2Id(), modified.instanceId());
        assertEquals(HttpTokensState.REQUIRED, modified.instanceMetadataOptions().httpTokens());
        assertEquals("applied", modified.instanceMetadataOptions().stateAsString());
        assertEquals("IMDSv1 is refused once tokens are required", 401,
                http(ec2Docker, "GET", "/latest/meta-data/instance-id").status());
        assertEquals(ec2Docker.ec2Id(), withToken(ec2Docker, "/latest/meta-data/instance-id"));
        assertEquals("another instance keeps the global setting", ec2Lxc.ec2Id(),
                ok(ec2Lxc, "/latest/meta-data/instance-id"));
        assertEquals(HttpTokensState.OPTIONAL, ec2.modifyInstanceMetadataOptions(r -> r.instanceId(ec2Docker.ec2Id())
                .httpTokens(HttpTokensState.OPTIONAL)).instanceMetadataOptions().httpTokens());
        assertEquals(ec2Docker.ec2Id(), ok(ec2Docker, "/latest/meta-data/instance-id"));

        String name = "imd-ec2-v2only-" + RUN;
        String imageId = ec2.describeImages(r -> r.filters(Filter.builder().name("name")
                .values("imd-busybox-docker-" + RUN).build())).images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(imageId).instanceType(ZONE.offeringName).minCount(1).maxCount(1)
                .placement(p -> p.availabilityZone(ZONE.zoneName))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED).httpPutResponseHopLimit(3))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value(name).build()).build())).instances().get(0).instanceId();
        ec2.waiter().waitUntilInstanceRunning(DescribeInstancesRequest.builder().instanceIds(id).build(),
                Ec2Sdk.quickly());
        Guest v2only = guest(name, "EC2", null);
        assertEquals(id, v2only.ec2Id());
        Answer refused = http(v2only, "GET", "/latest/meta-data/instance-id");
        assertEquals("launched with HttpTokens=required: " + refused, 401, refused.status());
        assertFalse(refused.body().contains(id));
        assertEquals(id, withToken(v2only, "/latest/meta-data/instance-id"));
        assertEquals("the others still answer IMDSv1", ec2Lxc.ec2Id(), ok(ec2Lxc, "/latest/meta-data/instance-id"));
        assertEquals("DescribeInstances shows each instance's own", Map.of(id, HttpTokensState.REQUIRED,
                ec2Lxc.ec2Id(), HttpTokensState.OPTIONAL), describedHttpTokens(id, ec2Lxc.ec2Id()));
        ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens(HttpTokensState.OPTIONAL));
        assertEquals(id, ok(v2only, "/latest/meta-data/instance-id"));
        assertEquals(Map.of(id, HttpTokensState.OPTIONAL), describedHttpTokens(id));
        assertEquals("the hop limit RunInstances gave is kept", Integer.valueOf(3), describedHopLimit(id));
        assertEquals(Integer.valueOf(2), ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
                .httpPutResponseHopLimit(2)).instanceMetadataOptions().httpPutResponseHopLimit());
        assertEquals(Integer.valueOf(2), describedHopLimit(id));
        assertEquals("a hop limit alone leaves HttpTokens", Map.of(id, HttpTokensState.OPTIONAL),
                describedHttpTokens(id));

        assertEquals("InvalidParameterValue", Ec2Sdk.errorCode(() -> ec2.modifyInstanceMetadataOptions(r -> r
                .instanceId(id).httpTokens("sometimes"))));
        assertEquals("UnsupportedOperation", Ec2Sdk.errorCode(() -> ec2.modifyInstanceMetadataOptions(r -> r
                .instanceId(id).httpEndpoint("disabled"))));
        assertEquals("InvalidParameterValue", Ec2Sdk.errorCode(() -> ec2.modifyInstanceMetadataOptions(r -> r
                .instanceId(id).httpPutResponseHopLimit(65))));
        assertEquals("InvalidInstanceID.NotFound", Ec2Sdk.errorCode(() -> ec2.modifyInstanceMetadataOptions(r -> r
                .instanceId("i-0123456789abcdef0").httpTokens(HttpTokensState.REQUIRED))));
        assertEquals("InvalidParameterValue", Ec2Sdk.errorCode(() -> ec2.runInstances(r -> r.imageId(imageId)
                .instanceType(ZONE.offeringName).minCount(1).maxCount(1).metadataOptions(m -> m
                        .httpTokens("sometimes")))));
        assertEquals("what was refused changed nothing", id, ok(v2only, "/latest/meta-data/instance-id"));
    }

    /** An IMDSv2 GET: a token first, then the path with it; the body, which must come with 200. */
    private static String withToken(Guest g, String path) {
        Answer put = http(g, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds: 60");
        assertEquals(put.toString(), 200, put.status());
        Answer a = http(g, "GET", path, "X-aws-ec2-metadata-token: " + put.body().trim());
        assertEquals(a.toString(), 200, a.status());
        return a.body();
    }

    // ---- from inside an instance ----

    /** An HTTP answer as the instance read it. */
    private record Answer(int status, String body, String raw) {
        @Override
        public String toString() {
            return raw;
        }
    }

    /**
     * One HTTP/1.0 request from inside the instance to 169.254.169.254:80 with busybox nc (the
     * static busybox's wget crashes in these images), as tools/image/guest-init makes them. The
     * request is passed to sh as an argument, so no quoting of it is needed.
     */
    private static Answer http(Guest g, String method, String path, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 169.254.169.254\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        if (method.equals("PUT")) {
            request.append("Content-Length: 0\r\n");
        }
        request.append("\r\n");
        ExecResult r = ZONE.exec(g.vm(), "/bin/sh", "-c", "printf '%s' \"$1\" | nc -w 3 169.254.169.254 80", "http",
                request.toString());
        String raw = r.stdout();
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(raw);
        int end = raw.indexOf("\r\n\r\n");
        return new Answer(status.find() ? Integer.parseInt(status.group(1)) : 0, end < 0 ? "" : raw.substring(end + 4),
                raw + r.stderr());
    }

    /** The body of an IMDSv1 GET that must succeed. */
    private static String ok(Guest g, String path) {
        Answer a = http(g, "GET", path);
        assertEquals(g.vm().name() + " " + path + ": " + a, 200, a.status());
        return a.body();
    }

    /** The body of a GCE metadata server GET with the Metadata-Flavor header, which must succeed. */
    private static String google(Guest g, String path) {
        Answer a = http(g, "GET", "/computeMetadata/v1/" + path, "Metadata-Flavor: Google");
        assertEquals(g.vm().name() + " " + path + ": " + a, 200, a.status());
        assertTrue(a.raw(), a.raw().contains("Metadata-Flavor: Google"));
        return a.body();
    }

    private static void assertAllDiffer(String what, Function<Guest, String> answer) {
        List<String> answers = GUESTS.stream().map(answer).toList();
        assertEquals("each instance gets its own " + what + ": " + answers, GUESTS.size(),
                new HashSet<>(answers).size());
    }

    /** Reads until the text passes or the boot time limit passes; the last reading. */
    private static String awaitText(Supplier<String> read, java.util.function.Predicate<String> done)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOOT_WITHIN_MS;
        String text = read.get();
        while (!done.test(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            text = read.get();
        }
        return text;
    }
}
