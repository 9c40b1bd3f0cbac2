package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Security groups and SSH key pairs as a tenant uses them: rules added, listed and revoked, a group
 * held by a VM until the VM is expunged, key pairs created, registered and deleted, another tenant
 * unable to tell them from unknown ids, and bad input answered with a 431 naming the parameter.
 */
public class SecurityGroupKeyPairIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    /**
     * A real ssh-ed25519 public key. Its MD5 fingerprint was computed apart from Skyport, with
     * {@code ssh-keygen -l -E md5 -f key.pub}: "256 MD5:42:bc:6d:72:8f:47:5c:9d:18:c3:38:ba:b0:b2:16:5f
     * skyport-it (ED25519)". The private half was discarded.
     */
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFK19acDaKydonL3zx9qL/oOxGqmWP6QJD28"
            + "+r56eQuk skyport-it";
    private static final String ED25519_MD5 = "42:bc:6d:72:8f:47:5c:9d:18:c3:38:ba:b0:b2:16:5f";

    private static String zone;
    private static String offering;
    private static String template;
    private static String aliceName;
    private static NativeClient alice;
    private static NativeClient bob;

    @BeforeClass
    public static void setUp() {
        zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
        template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null, null)
                .get(0).uuid();
        aliceName = "sgalice" + System.nanoTime();
        alice = SERVER.tenant(aliceName);
        bob = SERVER.tenant("sgbob" + System.nanoTime());
    }


    private static JsonObject job(NativeClient c, NativeClient.Reply submit) {
        assertEquals(submit.body(), 200, submit.status());
        JsonObject done = c.awaitJob(submit.inner().get("jobid").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        return done.getAsJsonObject("jobresult");
    }

    private static JsonObject group(NativeClient c, String id) {
        JsonObject r = c.call("listSecurityGroups", "id", id).inner();
        assertEquals(r.toString(), 1, r.get("count").getAsInt());
        return r.getAsJsonArray("securitygroup").get(0).getAsJsonObject();
    }

    private static String create(NativeClient c, String name) {
        NativeClient.Reply r = c.call("createSecurityGroup", "name", name);
        assertEquals(r.body(), 200, r.status());
        return r.inner().getAsJsonObject("securitygroup").get("id").getAsString();
    }

    /** A 431 whose text names {@code param}; a 530 here would be an unchecked exception escaping. */
    private static void assertRefused(String param, NativeClient.Reply r) {
        assertEquals(r.body(), 431, r.status());
        String text = r.inner().get("errortext").getAsString();
        assertTrue("the error should name " + param + ": " + text, text.contains(param));
    }

    /**
     * Another tenant's id must be answered exactly like an id nobody has: same status, same error
     * code, same text once the id itself is taken out.
     */
    private static void assertLikeUnknown(NativeClient c, String command, String param, String foreignId,
                                          String... more) {
        String unknown = UUID.randomUUID().toString();
        NativeClient.Reply foreign = c.call(command, with(more, param, foreignId));
        NativeClient.Reply none = c.call(command, with(more, param, unknown));
        assertEquals(foreign.body(), 431, foreign.status());
        assertEquals(none.body(), 431, none.status());
        assertEquals(none.inner().get("errortext").getAsString().replace(unknown, "ID"),
                foreign.inner().get("errortext").getAsString().replace(foreignId, "ID"));
    }

    private static String[] with(String[] more, String k, String v) {
        String[] out = new String[more.length + 2];
        out[0] = k;
        out[1] = v;
        System.arraycopy(more, 0, out, 2, more.length);
        return out;
    }

    private static JsonObject rule(JsonArray rules, String protocol) {
        for (JsonElement e : rules) {
            if (e.getAsJsonObject().get("protocol").getAsString().equals(protocol)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + protocol + " rule in " + rules);
    }

    @Test
    public void rulesAreAddedListedAndRevokedAndAGroupInUseStays() {
        String web = create(alice, "rw-web");
        String db = create(alice, "rw-db");
        assertRefused("name", alice.call("createSecurityGroup", "name", "rw-web"));
        assertRefused("default", alice.call("createSecurityGroup", "name", "default"));

        JsonObject ssh = job(alice, alice.call("authorizeSecurityGroupIngress", "securitygroupid", web,
                "protocol", "tcp", "startport", "22", "endport", "22", "cidrlist", "0.0.0.0/0"))
                .getAsJsonObject("securitygroup");
        assertEquals(web, ssh.get("id").getAsString());
        JsonObject tcp = rule(ssh.getAsJsonArray("ingressrule"), "tcp");
        assertEquals(22, tcp.get("startport").getAsInt());
        assertEquals(22, tcp.get("endport").getAsInt());
        assertEquals("0.0.0.0/0", tcp.get("cidr").getAsString());
        job(alice, alice.call("authorizeSecurityGroupIngress", "securitygroupid", web, "protocol", "icmp",
                "icmptype", "8", "icmpcode", "0", "cidrlist", "10.0.0.0/8,192.168.0.0/16"));
        job(alice, alice.call("authorizeSecurityGroupEgress", "securitygroupname", "rw-web", "protocol", "udp",
                "startport", "53", "endport", "53", "cidrlist", "0.0.0.0/0"));
        job(alice, alice.call("authorizeSecurityGroupIngress", "securitygroupid", db, "protocol", "tcp",
                "startport", "3306", "endport", "3306", "usersecuritygrouplist[0].account", aliceName,
                "usersecuritygrouplist[0].group", "rw-web"));
        assertRefused("already exists", alice.call("authorizeSecurityGroupIngress", "securitygroupid", web,
                "protocol", "tcp", "startport", "22", "endport", "22", "cidrlist", "0.0.0.0/0"));

        JsonObject listed = group(alice, web);
        JsonArray ingress = listed.getAsJsonArray("ingressrule");
        assertEquals("tcp 22 and icmp from two CIDRs: " + ingress, 3, ingress.size());
        JsonObject icmp = rule(ingress, "icmp");
        assertEquals(8, icmp.get("icmptype").getAsInt());
        assertEquals(0, icmp.get("icmpcode").getAsInt());
        assertFalse("ICMP rules carry no ports", icmp.has("startport"));
        JsonObject egress = rule(listed.getAsJsonArray("egressrule"), "udp");
        assertEquals(53, egress.get("startport").getAsInt());
        JsonObject fromWeb = rule(group(alice, db).getAsJsonArray("ingressrule"), "tcp");
        assertEquals("rw-web", fromWeb.get("securitygroupname").getAsString());
        assertEquals(aliceName, fromWeb.get("account").getAsString());
        assertFalse("a group-sourced rule has no CIDR", fromWeb.has("cidr"));
        assertEquals(1, alice.call("listSecurityGroups", "securitygroupname", "rw-db").inner().get("count").getAsInt());
        assertEquals(2, alice.call("listSecurityGroups", "keyword", "rw-").inner().get("count").getAsInt());
        JsonObject paged = alice.call("listSecurityGroups", "keyword", "rw-", "page", "2", "pagesize", "1").inner();
        assertEquals("count is the total, not the page", 2, paged.get("count").getAsInt());
        assertEquals(1, paged.getAsJsonArray("securitygroup").size());

        String icmpRule = icmp.get("ruleid").getAsString();
        job(alice, alice.call("revokeSecurityGroupIngress", "id", icmpRule));
        JsonArray after = group(alice, web).getAsJsonArray("ingressrule");
        assertEquals(after.toString(), 2, after.size());
        assertFalse(after.toString().contains(icmpRule));
        NativeClient.Reply again = alice.call("revokeSecurityGroupIngress", "id", icmpRule);
        assertEquals("a revoked rule is unknown: " + again.body(), 431, again.status());

        String kp = "webkey";
        assertEquals(200, alice.call("createSSHKeyPair", "name", kp).status());
        JsonObject vm = job(alice, alice.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", "web1", "securitygroupids", web, "keypair", kp))
                .getAsJsonObject("virtualmachine");
        String vmId = vm.get("id").getAsString();
        assertEquals(kp, vm.get("keypairs").getAsString());
        assertEquals(web, vm.getAsJsonArray("securitygroup").get(0).getAsJsonObject().get("id").getAsString());
        JsonObject byVm = alice.call("listSecurityGroups", "virtualmachineid", vmId).inner();
        assertEquals(byVm.toString(), 1, byVm.get("count").getAsInt());
        JsonObject member = group(alice, web);
        assertEquals(1, member.get("virtualmachinecount").getAsInt());
        assertEquals(vmId, member.getAsJsonArray("virtualmachineids").get(0).getAsString());

        assertEquals(200, alice.call("deleteSecurityGroup", "id", db).status());
        NativeClient.Reply inUse = alice.call("deleteSecurityGroup", "id", web);
        assertRefused("used by virtual machines", inUse);
        assertEquals("a refused delete leaves the group", 2, group(alice, web).getAsJsonArray("ingressrule").size());
        JsonObject expunged = SERVER.admin().awaitJob(SERVER.admin().call("destroyVirtualMachine", "id", vmId,
                "expunge", "true").inner().get("jobid").getAsString());
        assertEquals(expunged.toString(), 1, expunged.get("jobstatus").getAsInt());
        NativeClient.Reply deleted = alice.call("deleteSecurityGroup", "id", web);
        assertEquals(deleted.body(), 200, deleted.status());
        assertTrue(deleted.inner().get("success").getAsBoolean());
        assertEquals(431, alice.call("listSecurityGroups", "id", web).status());
        assertEquals(200, alice.call("deleteSSHKeyPair", "name", kp).status());
    }

    @Test
    public void anotherTenantCannotTellAlicesGroupsFromUnknownOnes() {
        String mine = create(alice, "private");
        JsonObject g = job(alice, alice.call("authorizeSecurityGroupIngress", "securitygroupid", mine,
                "protocol", "tcp", "startport", "80", "endport", "80", "cidrlist", "0.0.0.0/0"))
                .getAsJsonObject("securitygroup");
        String ruleId = g.getAsJsonArray("ingressrule").get(0).getAsJsonObject().get("ruleid").getAsString();

        assertFalse(bob.call("listSecurityGroups", "listall", "true").body().contains(mine));
        assertLikeUnknown(bob, "listSecurityGroups", "id", mine);
        assertLikeUnknown(bob, "deleteSecurityGroup", "id", mine);
        assertLikeUnknown(bob, "authorizeSecurityGroupIngress", "securitygroupid", mine, "protocol", "tcp",
                "startport", "1", "endport", "2", "cidrlist", "0.0.0.0/0");
        assertLikeUnknown(bob, "revokeSecurityGroupIngress", "id", ruleId);
        assertLikeUnknown(bob, "revokeSecurityGroupEgress", "id", ruleId);
        assertLikeUnknown(bob, "deployVirtualMachine", "securitygroupids", mine, "zoneid", zone,
                "serviceofferingid", offering, "templateid", template);
        assertEquals(431, bob.call("deleteSecurityGroup", "name", "private").status());
        String bobs = create(bob, "bobs");
        assertEquals("bob cannot name alice's group as a source", 431, bob.call("authorizeSecurityGroupIngress",
                "securitygroupid", bobs, "protocol", "tcp", "startport", "1", "endport", "2",
                "usersecuritygrouplist[0].account", aliceName, "usersecuritygrouplist[0].group", "private").status());
        assertEquals("alice's rule is untouched", 1, group(alice, mine).getAsJsonArray("ingressrule").size());
        assertEquals(200, alice.call("deleteSecurityGroup", "id", mine).status());
    }

    @Test
    public void badRuleInputIsA431NamingTheParameter() {
        String g = create(alice, "strict");
        String[] base = {"securitygroupid", g, "cidrlist", "0.0.0.0/0"};
        assertRefused("protocol", alice.call("authorizeSecurityGroupIngress", with(base, "protocol", "gre2")));
        assertRefused("endport", alice.call("authorizeSecurityGroupIngress", with(with(with(base, "protocol", "tcp"),
                "startport", "1"), "endport", "70000")));
        assertRefused("startport", alice.call("authorizeSecurityGroupIngress", with(with(with(base, "protocol", "udp"),
                "startport", "100"), "endport", "90")));
        assertRefused("startport", alice.call("authorizeSecurityGroupIngress", with(with(with(base, "protocol", "tcp"),
                "startport", "0"), "endport", "90")));
        assertRefused("icmptype", alice.call("authorizeSecurityGroupIngress", with(with(base, "protocol", "icmp"),
                "icmptype", "300")));
        for (String cidr : new String[] {"300.1.1.1/8", "10.0.0.0/33", "10.0.0.0", "not-a-cidr"}) {
            assertRefused("cidrlist", alice.call("authorizeSecurityGroupIngress", "securitygroupid", g,
                    "protocol", "tcp", "startport", "1", "endport", "2", "cidrlist", cidr));
        }
        assertRefused("cidrlist", alice.call("authorizeSecurityGroupIngress", "securitygroupid", g,
                "protocol", "tcp", "startport", "1", "endport", "2"));
        assertRefused("usersecuritygrouplist", alice.call("authorizeSecurityGroupIngress", "securitygroupid", g,
                "protocol", "tcp", "startport", "1", "endport", "2", "usersecuritygrouplist[0].account", aliceName,
                "usersecuritygrouplist[0].group", "no-such-group"));
        assertRefused("name", alice.call("createSecurityGroup", "description", "no name"));
        assertRefused("id", alice.call("revokeSecurityGroupIngress"));
        assertEquals("nothing was added", 0, group(alice, g).getAsJsonArray("ingressrule").size());
        // protocol numbers are accepted: 6 is tcp, 47 (GRE) stays a number
        JsonObject numbered = job(alice, alice.call("authorizeSecurityGroupIngress", "securitygroupid", g,
                "protocol", "47", "cidrlist", "10.1.0.0/16")).getAsJsonObject("securitygroup");
        assertEquals("47", numbered.getAsJsonArray("ingressrule").get(0).getAsJsonObject().get("protocol")
                .getAsString());
        assertEquals(200, alice.call("deleteSecurityGroup", "name", "strict").status());
    }

    @Test
    public void keyPairsAreCreatedRegisteredListedAndDeleted() throws Exception {
        JsonObject created = alice.call("createSSHKeyPair", "name", "kp1").inner().getAsJsonObject("keypair");
        String privateKey = created.get("privatekey").getAsString();
        String fingerprint = created.get("fingerprint").getAsString();
        assertTrue(privateKey, privateKey.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(privateKey, privateKey.trim().endsWith("-----END RSA PRIVATE KEY-----"));
        assertEquals("the fingerprint is the MD5 of the public half of the private key returned",
                md5OfPublicHalf(privateKey), fingerprint);

        JsonObject listed = alice.call("listSSHKeyPairs", "name", "kp1").inner();
        assertEquals(1, listed.get("count").getAsInt());
        JsonObject kp = listed.getAsJsonArray("sshkeypair").get(0).getAsJsonObject();
        assertEquals(fingerprint, kp.get("fingerprint").getAsString());
        assertFalse("the private key is returned once", kp.has("privatekey"));
        assertFalse(alice.call("listSSHKeyPairs").body().contains("PRIVATE KEY"));
        assertRefused("kp1", alice.call("createSSHKeyPair", "name", "kp1"));

        JsonObject registered = alice.call("registerSSHKeyPair", "name", "laptop", "publickey", ED25519).inner()
                .getAsJsonObject("keypair");
        assertEquals(ED25519_MD5, registered.get("fingerprint").getAsString());
        assertFalse(registered.has("privatekey"));
        JsonObject byPrint = alice.call("listSSHKeyPairs", "fingerprint", ED25519_MD5).inner();
        assertEquals(1, byPrint.get("count").getAsInt());
        assertEquals("laptop", byPrint.getAsJsonArray("sshkeypair").get(0).getAsJsonObject().get("name")
                .getAsString());
        assertEquals(1, alice.call("listSSHKeyPairs", "keyword", "lapt").inner().get("count").getAsInt());
        assertEquals(2, alice.call("listSSHKeyPairs", "page", "1", "pagesize", "1").inner().get("count").getAsInt());
        assertRefused("already exists", alice.call("registerSSHKeyPair", "name", "laptop2", "publickey", ED25519));
        String blob = ED25519.split(" ")[1];
        assertRefused("publickey", alice.call("registerSSHKeyPair", "name", "cut", "publickey",
                "ssh-ed25519 " + blob.substring(0, blob.length() - 8)));
        assertRefused("publickey", alice.call("registerSSHKeyPair", "name", "mislabelled", "publickey",
                "ssh-rsa " + blob));
        assertRefused("publickey", alice.call("registerSSHKeyPair", "name", "junk", "publickey", "ssh-rsa notbase64!"));
        assertRefused("name", alice.call("registerSSHKeyPair", "publickey", ED25519));
        assertRefused("name", alice.call("createSSHKeyPair"));

        String bobsList = bob.call("listSSHKeyPairs", "listall", "true").body();
        assertFalse(bobsList, bobsList.contains("kp1") || bobsList.contains("laptop"));
        NativeClient.Reply foreign = bob.call("deleteSSHKeyPair", "name", "kp1");
        NativeClient.Reply unknown = bob.call("deleteSSHKeyPair", "name", "zz9");
        assertEquals(431, foreign.status());
        assertEquals(431, unknown.status());
        assertEquals(unknown.inner().get("errortext").getAsString().replace("zz9", "N"),
                foreign.inner().get("errortext").getAsString().replace("kp1", "N"));
        NativeClient.Reply deploy = bob.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "keypair", "kp1");
        assertEquals("bob cannot use alice's key pair: " + deploy.body(), 431, deploy.status());
        JsonObject bobsCopy = bob.call("registerSSHKeyPair", "name", "laptop", "publickey", ED25519).inner()
                .getAsJsonObject("keypair");
        assertEquals("the same key may belong to two accounts", ED25519_MD5, bobsCopy.get("fingerprint").getAsString());
        assertNotEquals(registered.get("id").getAsString(), bobsCopy.get("id").getAsString());

        NativeClient.Reply deleted = alice.call("deleteSSHKeyPair", "name", "kp1");
        assertEquals(deleted.body(), 200, deleted.status());
        assertTrue(deleted.inner().get("success").getAsBoolean());
        assertFalse(alice.call("listSSHKeyPairs").body().contains("kp1"));
        assertEquals(431, alice.call("deleteSSHKeyPair", "name", "kp1").status());
        assertEquals("bob's copy is his own", 1, bob.call("listSSHKeyPairs", "name", "laptop").inner()
                .get("count").getAsInt());
        assertEquals(200, alice.call("deleteSSHKeyPair", "name", "laptop").status());
        assertEquals(200, bob.call("deleteSSHKeyPair", "name", "laptop").status());
    }

    /**
     * MD5 fingerprint of the OpenSSH public key derived from a PKCS#1 RSA private key, computed
     * here on its own (a PKCS#1 reader and the ssh-rsa wire format) rather than with Skyport's code.
     * It also proves the private key is usable: a signature made with it verifies with (n, e).
     */
    private static String md5OfPublicHalf(String pem) throws Exception {
        String body = pem.replace("-----BEGIN RSA PRIVATE KEY-----", "").replace("-----END RSA PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        ByteBuffer der = ByteBuffer.wrap(Base64.getDecoder().decode(body));
        assertEquals("RSAPrivateKey is a SEQUENCE", 0x30, der.get() & 0xff);
        length(der);
        List<BigInteger> ints = new ArrayList<>();
        while (der.hasRemaining()) {
            assertEquals("RSAPrivateKey holds INTEGERs", 0x02, der.get() & 0xff);
            byte[] v = new byte[length(der)];
            der.get(v);
            ints.add(new BigInteger(v));
        }
        assertEquals("version, n, e, d, p, q, dp, dq, qinv", 9, ints.size());
        BigInteger n = ints.get(1);
        BigInteger e = ints.get(2);
        assertEquals(2048, n.bitLength());
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey priv = rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, e, ints.get(3), ints.get(4), ints.get(5),
                ints.get(6), ints.get(7), ints.get(8)));
        PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(n, e));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(priv);
        s.update("skyport".getBytes(StandardCharsets.US_ASCII));
        byte[] sig = s.sign();
        s.initVerify(pub);
        s.update("skyport".getBytes(StandardCharsets.US_ASCII));
        assertTrue("the private key matches its public half", s.verify(sig));

        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (byte[] field : new byte[][] {"ssh-rsa".getBytes(StandardCharsets.US_ASCII), e.toByteArray(),
                n.toByteArray()}) {
            blob.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
            blob.writeBytes(field);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("MD5").digest(blob.toByteArray())) {
            hex.append(hex.length() == 0 ? "" : ":").append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static int length(ByteBuffer der) {
        int first = der.get() & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der.get() & 0xff);
        }
        return len;
    }

    @Test
    public void jobResultsCarryTheGroup() {
        String g = create(alice, "jobby");
        JsonObject result = job(alice, alice.call("authorizeSecurityGroupEgress", "securitygroupid", g,
                "protocol", "all", "cidrlist", "0.0.0.0/0"));
        assertNotNull(result.toString(), result.getAsJsonObject("securitygroup"));
        JsonObject all = rule(result.getAsJsonObject("securitygroup").getAsJsonArray("egressrule"), "all");
        assertFalse("protocol all has no ports", all.has("startport"));
        String ruleId = all.get("ruleid").getAsString();
        JsonObject wrongWay = alice.awaitJob(alice.call("revokeSecurityGroupIngress", "id", ruleId).inner()
                .get("jobid").getAsString());
        assertEquals("an egress rule is not revoked as ingress: " + wrongWay, 2, wrongWay.get("jobstatus").getAsInt());
        JsonObject revoked = job(alice, alice.call("revokeSecurityGroupEgress", "id", ruleId));
        assertTrue(revoked.toString(), revoked.get("success").getAsBoolean());
        assertEquals(0, group(alice, g).getAsJsonArray("egressrule").size());
        assertEquals(200, alice.call("deleteSecurityGroup", "id", g).status());
    }
}
