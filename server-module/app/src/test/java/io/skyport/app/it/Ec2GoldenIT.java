package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Every EC2 operation against its golden fixture (see {@link Ec2Golden}): a fresh tenant walks
 * one instance, key pair, security group, volume and address through their lives, one fixture
 * request at a time, signed with the AWS SDK's SigV4 signer; each response is compared element by
 * element with the fixture. All differences are reported together.
 */
public class Ec2GoldenIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static NativeClient tenant;
    private static Ec2Client ec2;
    private static final Map<String, String> BOUND = new HashMap<>();
    private static final Map<String, List<String>> DIFFS = new LinkedHashMap<>();
    private static final Set<String> RAN = new TreeSet<>();

    @BeforeClass
    public static void setUp() {
        String name = "golden" + System.nanoTime();
        tenant = SERVER.tenant(name);
        ec2 = Ec2Sdk.client(SERVER, tenant);
        BOUND.put("endpoint", SERVER.baseUrl() + "/ec2");
        BOUND.put("zone", "Sandbox-simulator");
        // the fixtures show state changes answered done: the simulator ends them well within this wait
        assertEquals(200, SERVER.admin().call("updateConfiguration", "name", "ec2.state.change.wait.millis",
                "value", "60000").status());
    }

    @AfterClass
    public static void tearDown() {
        if (ec2 != null) {
            ec2.close();
        }
    }

    /** Sends the fixture request of an operation and compares the response with its fixture. */
    private static void run(String operation) throws Exception {
        run(operation, operation);
    }

    private static void run(String operation, String fixture) throws Exception {
        RAN.add(fixture);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", operation);
        params.put("Version", "2016-11-15");
        params.putAll(Ec2Golden.request(Ec2Golden.resource(fixture + ".request"), BOUND));
        Ec2Raw.Reply reply = Ec2Raw.post(SERVER, tenant.apiKey(), tenant.secret(), Ec2Sdk.REGION, params);
        List<String> diffs = new ArrayList<>();
        String expected = Ec2Golden.resource(fixture + ".response.xml");
        boolean error = expected.contains("<Errors>");
        if (reply.status() != 200 && !error) {
            diffs.add("HTTP " + reply.status() + ": " + reply.body());
        } else if (error && reply.status() != 400) {
            diffs.add("HTTP " + reply.status() + ", expected 400: " + reply.body());
        } else {
            diffs.addAll(Ec2Golden.compare(expected, reply.body(), BOUND));
            if (!diffs.isEmpty()) {
                diffs.add("actual: " + reply.body());
            }
        }
        if (!diffs.isEmpty()) {
            DIFFS.put(fixture, diffs);
        }
    }

    /**
     * The EC2 API reference (CreateKeyPair, keyFingerprint): "For RSA key pairs, the key fingerprint is
     * the SHA-1 digest of the DER encoded private key", i.e. of its PKCS#8 form, as
     * {@code openssl pkcs8 -topk8 -nocrypt -outform DER | openssl sha1 -c} prints it.
     */
    private static void createdKeyFingerprint() throws Exception {
        String pem = BOUND.get("privateKey");
        String fingerprint = BOUND.get("keyFingerprint");
        if (pem == null || fingerprint == null) {
            return; // the fixture comparison has reported it
        }
        byte[] pkcs1 = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        java.security.spec.RSAPrivateCrtKeySpec spec = rsa(pkcs1);
        byte[] pkcs8 = java.security.KeyFactory.getInstance("RSA").generatePrivate(spec).getEncoded();
        byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(pkcs8);
        StringBuilder expected = new StringBuilder();
        for (byte b : sha1) {
            expected.append(expected.length() > 0 ? ":" : "").append(String.format("%02x", b & 0xff));
        }
        if (!expected.toString().equals(fingerprint)) {
            DIFFS.put("CreateKeyPair (fingerprint)", List.of("keyFingerprint '" + fingerprint + "', expected the SHA-1 "
                    + "of the PKCS#8 DER private key '" + expected + "'"));
        }
    }

    /** The fields of a PKCS#1 RSAPrivateKey (a DER sequence of a version and eight integers). */
    private static java.security.spec.RSAPrivateCrtKeySpec rsa(byte[] der) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(der);
        if ((in.get() & 0xff) != 0x30) {
            throw new IllegalArgumentException("not a DER sequence");
        }
        length(in);
        java.math.BigInteger[] v = new java.math.BigInteger[9];
        for (int i = 0; i < 9; i++) {
            if (in.get() != 0x02) {
                throw new IllegalArgumentException("not a DER integer");
            }
            byte[] bytes = new byte[length(in)];
            in.get(bytes);
            v[i] = new java.math.BigInteger(bytes);
        }
        return new java.security.spec.RSAPrivateCrtKeySpec(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private static int length(java.nio.ByteBuffer in) {
        int first = in.get() & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            n = (n << 8) | (in.get() & 0xff);
        }
        return n;
    }

    private static void awaitInstance(String state) {
        var request = software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.builder()
                .instanceIds(BOUND.get("instanceId")).build();
        switch (state) {
            case "running" -> ec2.waiter().waitUntilInstanceRunning(request, Ec2Sdk.quickly());
            case "stopped" -> ec2.waiter().waitUntilInstanceStopped(request, Ec2Sdk.quickly());
            case "terminated" -> ec2.waiter().waitUntilInstanceTerminated(request, Ec2Sdk.quickly());
            default -> throw new IllegalArgumentException(state);
        }
    }

    private static void awaitVolume(String state) {
        var request = software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest.builder()
                .volumeIds(BOUND.get("volumeId")).build();
        switch (state) {
            case "available" -> ec2.waiter().waitUntilVolumeAvailable(request, Ec2Sdk.quickly());
            case "in-use" -> ec2.waiter().waitUntilVolumeInUse(request, Ec2Sdk.quickly());
            default -> throw new IllegalArgumentException(state);
        }
    }

    @Test
    public void everyOperationAnswersAsItsFixture() throws Exception {
        run("DescribeRegions");
        run("DescribeAvailabilityZones");
        run("DescribeAccountAttributes");
        run("DescribeInstanceTypes");
        run("DescribeImages");
        run("RunInstances", "RunInstances.BadCount");
        run("RegisterImage");
        run("DescribeImages", "DescribeImages.Self");
        run("DeregisterImage");
        run("CreateKeyPair");
        createdKeyFingerprint();
        run("ImportKeyPair");
        run("ImportKeyPair", "ImportKeyPair.Duplicate");
        run("DescribeKeyPairs");
        run("CreateSecurityGroup");
        run("AuthorizeSecurityGroupIngress");
        run("DescribeSecurityGroups");
        run("AuthorizeSecurityGroupEgress");
        run("RevokeSecurityGroupEgress");
        run("DescribeVpcs");
        run("DescribeSubnets");
        run("RunInstances");
        awaitInstance("running");
        run("DescribeInstances");
        run("DescribeInstanceStatus");
        run("DescribeInstanceAttribute");
        run("GetConsoleOutput");
        run("CreateTags");
        run("DescribeTags");
        run("DeleteTags");
        run("CreateVolume");
        awaitVolume("available");
        run("AttachVolume");
        awaitVolume("in-use");
        run("DescribeVolumes");
        run("DetachVolume");
        awaitVolume("available");
        run("DeleteVolume");
        run("AllocateAddress");
        run("AssociateAddress");
        run("DescribeAddresses");
        run("DisassociateAddress");
        run("ReleaseAddress");
        run("RebootInstances");
        run("StopInstances");
        awaitInstance("stopped");
        run("ModifyInstanceAttribute");
        run("ModifyInstanceMetadataOptions");
        run("DescribeInstanceAttribute", "DescribeInstanceAttribute.InstanceType");
        run("StartInstances");
        awaitInstance("running");
        run("TerminateInstances");
        awaitInstance("terminated");
        run("RevokeSecurityGroupIngress");
        run("DeleteSecurityGroup");
        run("DeleteKeyPair");
        run("DescribeInstances", "DescribeInstances.NotFound");
        run("DescribeInstances", "DescribeInstances.UnknownParameter");

        System.out.println("bound placeholders: " + new java.util.TreeMap<>(BOUND));
        StringBuilder report = new StringBuilder();
        DIFFS.forEach((op, diffs) -> {
            report.append("\n== ").append(op).append('\n');
            diffs.forEach(d -> report.append("  ").append(d).append('\n'));
        });
        assertTrue(DIFFS.size() + " of " + RAN.size() + " fixtures differ:" + report, DIFFS.isEmpty());
        assertEquals("every fixture is exercised", fixtures(), RAN);
    }

    @Test
    public void everyEc2OperationHasAFixture() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (CommandDescriptor d : SERVER.server().coreBean(CommandCatalog.class).list("ec2")) {
            operations.add(d.name());
        }
        assertTrue("the catalog lists the EC2 operations", operations.contains("RunInstances"));
        Set<String> covered = new TreeSet<>();
        for (String f : fixtures()) {
            covered.add(f.contains(".") ? f.substring(0, f.indexOf('.')) : f);
        }
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(covered);
        assertEquals("EC2 operations without a golden fixture", Set.of(), missing);
    }

    private static Set<String> fixtures() throws IOException, URISyntaxException {
        URL dir = Ec2GoldenIT.class.getClassLoader().getResource("fixtures/ec2");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".request"))
                    .forEach(n -> out.add(n.substring(0, n.length() - ".request".length())));
        }
        return out;
    }
}
