package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * {@code skyport cluster} on the simulator's demo zone through each API: create 3 + 5, check every
 * node's userdata (getVirtualMachineUserData), tags and the group's rules, then status, list,
 * delete, and a second delete that finds nothing and still succeeds.
 */
public class ClusterSimulatorIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static ClusterCli cli;

    @BeforeClass
    public static void user() throws Exception {
        cli = new ClusterCli(SERVER, SERVER.tenant("clusters" + System.nanoTime()));
    }

    @Test
    public void nativeApi() {
        String name = "nat";
        ClusterCli.Result created = cli.create("native", name).ok();
        assertProgress(created, name);
        cli.assertNodes(name, null);
        assertEquals(ClusterCli.expectedIngress(name), cli.ingress(cli.group(name)));
        cli.assertGroupMembers(name);
        assertTrue(cli.keyPairExists(name));
        statusListDelete("native", name);
        assertNull(cli.group(name));
        assertFalse(cli.keyPairExists(name));
    }

    @Test
    public void ec2Api() {
        String name = "ec2c";
        cli.create("ec2", name).ok();
        cli.assertNodes(name, null);
        // EC2 names the source group by id; the native view of the same group names it
        assertEquals(ClusterCli.expectedIngress(name), cli.ingress(cli.group(name)));
        cli.assertGroupMembers(name);
        assertTrue(cli.keyPairExists(name));
        statusListDelete("ec2", name);
        assertNull(cli.group(name));
        assertFalse(cli.keyPairExists(name));
    }

    @Test
    public void gceApi() {
        String name = "gcec";
        cli.create("gce", name).ok();
        cli.assertNodes(name, null);
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(cli.user));
        List<String> rules = new ArrayList<>();
        for (String fw : List.of("skyport-cluster-" + name, "skyport-cluster-" + name + "-ssh")) {
            JsonObject f = gce.ok("GET", "global/firewalls/" + fw, null);
            assertEquals(f.toString(), "[\"skyport-cluster-" + name + "\"]", f.get("targetTags").toString());
            for (JsonElement a : f.getAsJsonArray("allowed")) {
                for (JsonElement p : a.getAsJsonObject().getAsJsonArray("ports")) {
                    rules.add(a.getAsJsonObject().get("IPProtocol").getAsString() + " " + p.getAsString() + " "
                            + join(f.getAsJsonArray("sourceRanges")));
                }
            }
        }
        rules.sort(null);
        assertEquals(List.of("tcp 10250 198.18.0.0/15", "tcp 22 198.18.0.0/15", "tcp 2379-2380 198.18.0.0/15",
                "tcp 6443 198.18.0.0/15", "udp 8472 198.18.0.0/15"), rules);
        statusListDelete("gce", name);
        assertEquals(404, gce.call("GET", "global/firewalls/skyport-cluster-" + name, null).status());
        assertEquals(404, gce.call("GET", "global/firewalls/skyport-cluster-" + name + "-ssh", null).status());
    }

    @Test
    public void aKeyTheAccountHoldsIsReusedAndKeptAndDiscoveryReplacesStaticPeers() {
        cli.create("native", "keya").ok();
        String key = cli.keyFile().toString();
        // the same key for a second cluster: used under the first cluster's key pair name
        cli.run("native", "create", "keyb", "--control", "1", "--workers", "1", "--public-key", key,
                "--discovery", "https://discovery.example.org/t0k3n").ok();
        JsonObject control = cli.nodes("keyb").get("keyb-control-0");
        assertEquals("skyport-cluster-keya", control.get("keypairs").getAsString());
        String data = cli.userData(control);
        assertTrue(data, data.contains("      ETCD_DISCOVERY=https://discovery.example.org/t0k3n\n"));
        assertFalse(data, data.contains("ETCD_INITIAL_CLUSTER"));
        assertFalse(cli.keyPairExists("keyb"));
        cli.run("native", "delete", "keyb").ok();
        assertTrue(cli.keyPairExists("keya"));
        // an existing key pair by name is injected as it is and survives the cluster
        cli.run("native", "create", "keyc", "--control", "1", "--workers", "0", "--keypair",
                "skyport-cluster-keya").ok();
        assertEquals("skyport-cluster-keya", cli.nodes("keyc").get("keyc-control-0").get("keypairs").getAsString());
        cli.run("native", "delete", "keyc").ok();
        assertTrue(cli.keyPairExists("keya"));
        cli.run("native", "delete", "keya").ok();
        assertFalse(cli.keyPairExists("keya"));
    }

    @Test
    public void badInputIsOneLineAndStatusOne() {
        ClusterCli.Result r = cli.run("native", "create", "Bad_Name");
        assertEquals(1, r.status());
        assertTrue(r.err(), r.err().startsWith("skyport cluster: cluster name must be"));
        ClusterCli.Result gce = cli.run("gce", "create", "nocidr", "--control", "1", "--workers", "0");
        assertEquals(gce.err(), 1, gce.status());
        assertTrue(gce.err(), gce.err().contains("--internal-cidr"));
        assertEquals(0, cli.nodes("nocidr").size());
    }

    private static void statusListDelete(String api, String name) {
        ClusterCli.Result status = cli.run(api, "status", name).ok();
        assertTrue(status.out(), status.out().startsWith("cluster " + name + ": 8 nodes, 8 running\n"));
        assertTrue(status.out(), status.out().contains("tcp 2379-2380 from"));
        assertTrue(status.out(), status.out().contains("udp 8472-8472 from"));
        ClusterCli.Result list = cli.run(api, "list").ok();
        assertTrue(list.out(), list.out().lines().anyMatch(l -> l.matches(name + " +3 +5 +8")));
        ClusterCli.Result again = cli.create(api, name);
        assertEquals(again.err(), 1, again.status());
        assertTrue(again.err(), again.err().contains("already has 8 nodes"));
        cli.run(api, "delete", name).ok();
        assertTrue(cli.nodes(name).isEmpty());
        assertEquals(3, cli.run(api, "status", name).status());
        ClusterCli.Result twice = cli.run(api, "delete", name).ok();
        assertTrue(twice.out(), twice.out().contains("deleted 0 nodes"));
        assertFalse(cli.run(api, "list").ok().out().contains(name + " "));
    }

    /** One line per node and state, not one per poll. */
    private static void assertProgress(ClusterCli.Result r, String name) {
        List<String> lines = r.err().lines().toList();
        assertTrue(r.err(), lines.stream().anyMatch(l -> l.matches(".*" + name + "-worker-4 +submitted \\(worker\\)")));
        assertTrue(r.err(), lines.stream().anyMatch(l -> l.matches(".*" + name + "-control-0 +Running")));
        assertTrue(r.err(), lines.size() <= 8 * 6 + 4);
        assertEquals(r.out(), 8, r.out().lines().count());
    }

    private static String join(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return String.join(",", out);
    }
}
