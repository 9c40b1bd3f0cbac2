package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.skyport.app.it.BridgedZone.Instance;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.ExecResult;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guest networks and security groups on real container hosts: one zone whose guest network (a
 * /24 of 198.19.0.0/16 picked per run) is bridged by a Docker host and an LXD host
 * ({@code networking=bridge}), so instances on both daemons share one bridge and talk to each other
 * with busybox nc as their groups allow; the groups are enforced by the driver's nftables table
 * (named per run). Rule changes go through the native, EC2 and GCE APIs, and each must take effect
 * on the running instances within 5 s (polled). The tests run in order: they share the instances.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class GuestNetworkIT {
    private static final BridgedZone ZONE = new BridgedZone("Net");
    private static final TestServer SERVER = ZONE.server;
    private static final String RUN = ZONE.run;
    private static final int THIRD_OCTET = ZONE.thirdOctet;
    private static final String CIDR = ZONE.cidr;
    private static final long ENFORCED_WITHIN_MS = 5_000;
    private static final String LISTEN = "while true; do nc -l -p 8080 -e echo hello; done >/dev/null 2>&1 &";

    private static String zoneName;
    private static String groupA;
    private static String groupB;
    private static Instance a1;
    private static Instance a2;
    private static Instance b1;

    @BeforeClass
    public static void zoneOnBothDaemons() throws Exception {
        ZONE.open();
        zoneName = ZONE.zoneName;
        groupA = admin("createSecurityGroup", "name", "net-a-" + RUN).getAsJsonObject("securitygroup").get("id")
                .getAsString();
        groupB = admin("createSecurityGroup", "name", "net-b-" + RUN).getAsJsonObject("securitygroup").get("id")
                .getAsString();
        admin("authorizeSecurityGroupIngress", "securitygroupid", groupA, "protocol", "tcp", "startport", "8080",
                "endport", "8080", "usersecuritygrouplist[0].account", "admin", "usersecuritygrouplist[0].group",
                "net-a-" + RUN);
        a1 = ZONE.deploy("net-a1-" + RUN, "Docker", "net-a-" + RUN);
        a2 = ZONE.deploy("net-a2-" + RUN, "LXC", "net-a-" + RUN);
        b1 = ZONE.deploy("net-b1-" + RUN, "Docker", "net-b-" + RUN);
        for (Instance i : List.of(a1, a2, b1)) {
            ExecResult r = exec(i, "/bin/sh", "-c", LISTEN);
            assertEquals(i.name() + ": " + r.stderr(), 0, r.exitCode());
        }
    }

    @AfterClass
    public static void cleanUp() {
        ZONE.close();
    }

    @Test
    public void a_addressesAreTheCoresUniqueInTheNetworkAndOnTheInterface() throws Exception {
        assertEquals(3, new HashSet<>(List.of(a1.ip(), a2.ip(), b1.ip())).size());
        for (Instance i : List.of(a1, a2, b1)) {
            assertTrue(i.ip(), i.ip().startsWith("198.19." + THIRD_OCTET + "."));
            ExecResult r = exec(i, "ip", "-4", "addr", "show", "eth0");
            assertTrue(i.name() + " has its address inside: " + r.stdout(),
                    r.stdout().contains("inet " + i.ip() + "/24"));
            ExecResult route = exec(i, "ip", "route");
            assertTrue(i.name() + " routes through the gateway: " + route.stdout(),
                    route.stdout().contains("default via 198.19." + THIRD_OCTET + ".1"));
        }
        // the same address in EC2 and GCE, which read the same NIC rows
        String ec2 = ec2("DescribeInstances", "Filter.1.Name", "tag:Name", "Filter.1.Value.1", a2.name());
        assertTrue(ec2, ec2.contains("<privateIpAddress>" + a2.ip() + "</privateIpAddress>"));
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        JsonObject instance = gce.ok("GET", "zones/" + zoneName.toLowerCase(java.util.Locale.ROOT)
                + "/instances/" + a1.name(), null);
        assertEquals(a1.ip(), instance.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject().get("networkIP")
                .getAsString());
    }

    @Test
    public void ab_aRebootedInstanceKeepsItsAddress() throws Exception {
        for (Instance i : List.of(a1, a2)) {
            JsonObject job = ContainerZone.job(SERVER, "rebootVirtualMachine", "id", i.id());
            assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
            ExecResult r = exec(i, "ip", "-4", "addr", "show", "eth0");
            assertTrue(i.name() + " has its address after a reboot: " + r.stdout(),
                    r.stdout().contains("inet " + i.ip() + "/24"));
            assertEquals(0, exec(i, "/bin/sh", "-c", LISTEN).exitCode());
        }
    }

    @Test
    public void b_groupMembersReachEachOtherAcrossDaemonsOthersDoNot() throws Exception {
        awaitReach(a1, a2, true, "A allows tcp 8080 from A (Docker to LXD)");
        awaitReach(a2, a1, true, "A allows tcp 8080 from A (LXD to Docker)");
        awaitReach(b1, a1, false, "B is not a source A allows");
        awaitReach(b1, a2, false, "B is not a source A allows");
        awaitReach(a1, b1, false, "B allows no ingress");
    }

    @Test
    public void c_revokingThroughEc2BlocksAndAGceFirewallOpensWithinSeconds() throws Exception {
        String sgA = ec2Group("net-a-" + RUN);
        String revoked = ec2("RevokeSecurityGroupIngress", "GroupId", sgA, "IpPermissions.1.IpProtocol", "tcp",
                "IpPermissions.1.FromPort", "8080", "IpPermissions.1.ToPort", "8080",
                "IpPermissions.1.Groups.1.GroupId", sgA);
        assertTrue(revoked, revoked.contains("<return>true</return>"));
        awaitReach(a1, a2, false, "the group rule is revoked (EC2)");
        awaitReach(a2, a1, false, "the group rule is revoked (EC2)");

        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        String fw = "net-cidr-" + RUN;
        gce.await(gce.ok("POST", "global/firewalls", "{\"name\":\"" + fw + "\",\"allowed\":[{\"IPProtocol\":\"tcp\","
                + "\"ports\":[\"8080\"]}],\"sourceRanges\":[\"" + CIDR + "\"]}"));
        awaitReach(b1, a1, true, "a GCE firewall for every instance allows the network's CIDR");
        awaitReach(a1, a2, true, "a GCE firewall for every instance allows the network's CIDR");
        gce.await(gce.ok("DELETE", "global/firewalls/" + fw, null));
        awaitReach(b1, a1, false, "the GCE firewall is deleted");
    }

    @Test
    public void d_aNativeCidrRuleOpensOneSourceOnly() throws Exception {
        JsonObject submit = admin("authorizeSecurityGroupIngress", "securitygroupid", groupA, "protocol", "tcp",
                "startport", "8080", "endport", "8080", "cidrlist", b1.ip() + "/32");
        if (submit.has("jobid")) {
            SERVER.admin().awaitJob(submit.get("jobid").getAsString());
        }
        awaitReach(b1, a1, true, "A allows b1's address");
        awaitReach(b1, a2, true, "A allows b1's address");
        awaitReach(a2, a1, false, "A no longer allows A");
    }

    @Test
    public void da_anEgressRuleClosesTheRestOfTheInstancesEgress() throws Exception {
        awaitReach(b1, a1, true, "A allows b1's address and B has no egress rule");
        String added = ec2("AuthorizeSecurityGroupEgress", "GroupId", ec2Group("net-b-" + RUN),
                "IpPermissions.1.IpProtocol", "udp", "IpPermissions.1.FromPort", "53", "IpPermissions.1.ToPort", "53",
                "IpPermissions.1.IpRanges.1.CidrIp", "198.19." + THIRD_OCTET + ".1/32");
        assertTrue(added, added.contains("<return>true</return>"));
        awaitReach(b1, a1, false, "B's only egress rule is udp 53 to the gateway (EC2)");
        awaitReach(a2, b1, false, "B still allows no ingress");
        String rule = admin("listSecurityGroups", "id", groupB).getAsJsonArray("securitygroup").get(0)
                .getAsJsonObject().getAsJsonArray("egressrule").get(0).getAsJsonObject().get("ruleid").getAsString();
        JsonObject submit = admin("revokeSecurityGroupEgress", "id", rule);
        if (submit.has("jobid")) {
            SERVER.admin().awaitJob(submit.get("jobid").getAsString());
        }
        awaitReach(b1, a1, true, "without egress rules all of B's egress is allowed again (native)");
    }

    @Test
    public void e_theRulesAreRebuiltFromTheDatabaseWhenTheServerStarts() throws Exception {
        // the running server rebuilds the table on its timer too: a rebuild between the flush and the
        // probe is flushed again (at most a few times; the timer runs every 30 s)
        boolean open = false;
        for (int attempt = 0; attempt < 5 && !open; attempt++) {
            HypervisorDriver.ExecResult flushed = run("nft", "flush", "table", "inet", ZONE.table);
            assertEquals(flushed.stdout(), 0, flushed.exitCode());
            open = reaches(a2, a1);
        }
        assertTrue("a flushed table enforces nothing (proves the probe can see it)", open);
        SERVER.restart();
        awaitReach(a2, a1, false, 60_000, "the restarted server rebuilt the table");
        awaitReach(b1, a1, true, "the restarted server rebuilt the table");
        awaitReach(a1, b1, false, "the restarted server rebuilt the table");
    }

    @Test
    public void f_expungeReleasesTheAddressAndRemovesTheInstancesRules() throws Exception {
        assertTrue(nftTable().contains("ip daddr " + b1.ip() + " jump"));
        JsonObject job = ContainerZone.job(SERVER, "destroyVirtualMachine", "id", b1.id(), "expunge", "true");
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        JdbcTemplate jdbc = SERVER.server().coreBean(JdbcTemplate.class);
        assertEquals("no NIC holds the address", Integer.valueOf(0), jdbc.queryForObject(
                "SELECT COUNT(*) FROM nics WHERE ip_address = ?", Integer.class, b1.ip()));
        long deadline = System.currentTimeMillis() + ENFORCED_WITHIN_MS;
        String gone = "ip daddr " + b1.ip() + " jump";
        String text = nftTable();
        while (text.contains(gone) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            text = nftTable();
        }
        assertFalse("the expunged instance's chain is gone: " + text, text.contains(gone));
        // only the CIDR rule naming its old address stays: it is a rule of group A, not of the instance
        assertEquals(text, 2, text.split(java.util.regex.Pattern.quote(b1.ip()), -1).length - 1);
        assertTrue("the others' stay", text.contains("ip daddr " + a1.ip() + " jump"));
    }

    /**
     * The host side of the metadata service: 169.254.169.254 on the bridge, and port 80 there
     * forwarded to the gateway's address on the port the server's metadata listener opened (a free
     * one in tests), without rewriting the source: the listener knows each instance by its address
     * and answers with its own metadata, over IMDS and the GCE metadata server alike.
     */
    @Test
    public void g_theMetadataAddressIsForwardedToTheServersMetadataListener() throws Exception {
        String gateway = ZONE.gateway();
        String bridge = ZONE.bridge();
        int port = SERVER.server().metadataPort().orElseThrow(() -> new AssertionError("no metadata listener"));
        assertTrue(run("ip", "-4", "addr", "show", "dev", bridge).stdout().contains("inet 169.254.169.254/32"));
        assertTrue(nftTable(), nftTable().contains("iifname \"" + bridge + "\" ip daddr 169.254.169.254 tcp dport 80 "
                + "dnat ip to " + gateway + ":" + port));
        for (Instance i : List.of(a1, a2)) {
            // busybox nc, not wget: the static busybox's wget crashes in these images
            String imds = metadata(i, "/latest/meta-data/local-ipv4", "");
            assertTrue(i.name() + " reads its own address over IMDS: " + imds, imds.endsWith("\n" + i.ip())
                    || imds.endsWith("\r\n\r\n" + i.ip()));
            String gce = metadata(i, "/computeMetadata/v1/instance/name", "Metadata-Flavor: Google\\r\\n");
            assertTrue(i.name() + " reads its own name from the GCE metadata server: " + gce, gce.endsWith(i.name()));
            String refused = metadata(i, "/computeMetadata/v1/instance/name", "");
            assertTrue("no Metadata-Flavor header, no answer: " + refused, refused.startsWith("HTTP/1.1 403")
                    || refused.startsWith("HTTP/1.0 403"));
        }
    }

    /** One HTTP/1.0 request from inside the instance to 169.254.169.254:80; the raw answer. */
    private static String metadata(Instance i, String path, String headers) {
        ExecResult r = exec(i, "/bin/sh", "-c", "printf 'GET " + path + " HTTP/1.0\\r\\n" + headers + "\\r\\n' "
                + "| nc -w 3 169.254.169.254 80");
        return r.stdout().trim();
    }

    // ---- helpers ----

    private static JsonObject admin(String command, String... kv) {
        return ZONE.admin(command, kv);
    }

    private static ExecResult exec(Instance i, String... command) {
        return ZONE.exec(i, command);
    }

    private static boolean reaches(Instance from, Instance to) {
        ExecResult r = exec(from, "nc", "-w", "1", to.ip(), "8080");
        return r.stdout().contains("hello");
    }

    private static void awaitReach(Instance from, Instance to, boolean expected, String why) throws Exception {
        awaitReach(from, to, expected, ENFORCED_WITHIN_MS, why);
    }

    /** Probes until the connection's outcome is the expected one; fails when that takes longer than {@code limitMs}. */
    private static void awaitReach(Instance from, Instance to, boolean expected, long limitMs, String why)
            throws Exception {
        long start = System.nanoTime();
        while (true) {
            boolean now = reaches(from, to);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (now == expected) {
                return;
            }
            if (elapsed > limitMs) {
                throw new AssertionError(from.name() + " -> " + to.name() + ":8080 should " + (expected ? "" : "not ")
                        + "connect (" + why + ") but still " + (now ? "does" : "does not") + " after " + elapsed
                        + " ms; table:\n" + nftTable());
            }
            Thread.sleep(100);
        }
    }

    private static String ec2(String action, String... kv) throws Exception {
        Ec2Raw.Reply r = Ec2Raw.post(SERVER, SERVER.admin().apiKey(), SERVER.admin().secret(), "skyport-1",
                Ec2Raw.action(action, kv));
        assertEquals(action + ": " + r.body(), 200, r.status());
        return r.body();
    }

    private static String ec2Group(String name) throws Exception {
        String body = ec2("DescribeSecurityGroups", "GroupName.1", name);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<groupId>(sg-[0-9a-f]+)</groupId>").matcher(body);
        assertTrue(body, m.find());
        return m.group(1);
    }

    private static String nftTable() {
        return ZONE.nftTable();
    }

    private static ExecResult run(String... command) {
        return BridgedZone.run(command);
    }
}
