package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.app.cluster.CloudConfig;
import io.skyport.app.cluster.ClusterCommand;
import io.skyport.app.cluster.ClusterNode;
import io.skyport.app.cluster.ClusterSpec;
import io.skyport.app.cluster.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code skyport cluster} as a user would (the picocli command with its flags, output
 * captured) against a test server, and checks what a cluster left behind through the native API
 * as that user: the nodes by their cluster tag, each node's userdata, the group's rules.
 */
final class ClusterCli {
    record Result(int status, String out, String err) {
        Result ok() {
            assertEquals("stdout:\n" + out + "\nstderr:\n" + err, 0, status);
            return this;
        }
    }

    private final TestServer server;
    final NativeClient user;
    private final Path keyFile;

    ClusterCli(TestServer server, NativeClient user) throws IOException {
        this.server = server;
        this.user = user;
        this.keyFile = Files.createTempFile("cluster-it", ".pub");
    }

    /**
     * A fresh ed25519 public key (the blob: the type name and 32 random bytes): an account holds
     * each key once, and the provisioner reuses a held one under its own name.
     */
    static String newPublicKey() {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        byte[] point = new byte[32];
        new java.security.SecureRandom().nextBytes(point);
        java.nio.ByteBuffer blob = java.nio.ByteBuffer.allocate(8 + type.length + point.length);
        blob.putInt(type.length).put(type).putInt(point.length).put(point);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()) + " cluster-it";
    }

    Result run(String api, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api", api, "--endpoint", server.apiUrl(), "--api-key", user.apiKey(), "--secret-key",
                user.secret()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ClusterCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(all.toArray(String[]::new));
        return new Result(status, out.toString(), err.toString());
    }

    /** The public key file the last {@link #create} registered. */
    java.nio.file.Path keyFile() {
        return keyFile;
    }

    /** {@code cluster create NAME} with 3 control nodes and 5 workers and a fresh test key. */
    Result create(String api, String name, String... extra) {
        try {
            Files.writeString(keyFile, newPublicKey() + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("create", name, "--control", "3", "--workers", "5",
                "--public-key", keyFile.toString(), "--ssh-cidr", "198.18.0.0/15", "--internal-cidr",
                "198.18.0.0/15"));
        args.addAll(List.of(extra));
        return run(api, args.toArray(String[]::new));
    }

    /**
     * The user's VMs tagged with the cluster, by name, that are not on their way out: an EC2
     * TerminateInstances leaves the VM Destroyed until the server's expunge delay, as EC2 keeps
     * terminated instances listed for a while.
     */
    Map<String, JsonObject> nodes(String cluster) {
        NativeClient.Reply r = user.call("listVirtualMachines", "tags[0].key", "skyport-cluster", "tags[0].value",
                cluster);
        assertEquals(r.body(), 200, r.status());
        Map<String, JsonObject> out = new HashMap<>();
        JsonArray vms = r.inner().getAsJsonArray("virtualmachine");
        for (JsonElement e : vms == null ? new JsonArray() : vms) {
            String state = e.getAsJsonObject().get("state").getAsString();
            if (state.equals("Destroyed") || state.equals("Expunging")) {
                continue;
            }
            out.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject());
        }
        return out;
    }

    static String tag(JsonObject vm, String key) {
        for (JsonElement t : vm.getAsJsonArray("tags")) {
            if (key.equals(t.getAsJsonObject().get("key").getAsString())) {
                return t.getAsJsonObject().get("value").getAsString();
            }
        }
        return null;
    }

    /** The VM's userdata as the server stored it (getVirtualMachineUserData), decoded. */
    String userData(JsonObject vm) {
        NativeClient.Reply r = user.call("getVirtualMachineUserData", "virtualmachineid", vm.get("id").getAsString());
        assertEquals(r.body(), 200, r.status());
        String b64 = r.inner().getAsJsonObject("virtualmachineuserdata").get("userdata").getAsString();
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    /**
     * Checks the 3 + 5 nodes: running, tagged by cluster and role, and each one's userdata the
     * rendering for its node: control nodes list every control node as an etcd peer, workers the
     * control endpoints. {@code seed} reads the seed file of a node where the host has one.
     */
    void assertNodes(String cluster, java.util.function.Function<JsonObject, String> seed) {
        Map<String, JsonObject> nodes = nodes(cluster);
        ClusterSpec spec = new ClusterSpec(cluster, 3, 5, null, null, null, null, null, null, "198.18.0.0/15",
                "198.18.0.0/15");
        assertEquals(nodes.keySet().toString(), 8, nodes.size());
        for (ClusterNode n : spec.nodes()) {
            JsonObject vm = nodes.get(n.name());
            assertTrue("missing " + n.name() + " in " + nodes.keySet(), vm != null);
            assertEquals(n.name(), "Running", vm.get("state").getAsString());
            assertEquals(n.role().label(), tag(vm, "skyport-role"));
            String data = userData(vm);
            assertEquals(CloudConfig.bundled().render(spec, n), data);
            assertTrue(data, data.contains("\nhostname: " + n.name() + "\n"));
            if (n.role() == Role.CONTROL) {
                assertTrue(data, data.contains("ETCD_INITIAL_CLUSTER=" + cluster + "-control-0=http://" + cluster
                        + "-control-0:2380," + cluster + "-control-1=http://" + cluster + "-control-1:2380,"
                        + cluster + "-control-2=http://" + cluster + "-control-2:2380\n"));
            } else {
                assertTrue(data, data.contains("KUBE_API_SERVERS=https://" + cluster + "-control-0:6443,https://"
                        + cluster + "-control-1:6443,https://" + cluster + "-control-2:6443\n"));
            }
            if (seed != null) {
                assertEquals(n.name(), data, seed.apply(vm));
            }
        }
    }

    /** Every node is a member of the cluster's security group (native and EC2 clusters). */
    void assertGroupMembers(String cluster) {
        for (JsonObject vm : nodes(cluster).values()) {
            List<String> groups = new ArrayList<>();
            JsonArray sg = vm.getAsJsonArray("securitygroup");
            for (JsonElement g : sg == null ? new JsonArray() : sg) {
                groups.add(g.getAsJsonObject().get("name").getAsString());
            }
            assertEquals(vm.get("name").getAsString(), List.of("skyport-cluster-" + cluster), groups);
        }
    }

    /** The cluster's security group as the native API lists it, or null. */
    JsonObject group(String cluster) {
        NativeClient.Reply r = user.call("listSecurityGroups", "securitygroupname", "skyport-cluster-" + cluster);
        if (r.status() != 200) {
            return null;
        }
        JsonArray groups = r.inner().getAsJsonArray("securitygroup");
        return groups == null || groups.isEmpty() ? null : groups.get(0).getAsJsonObject();
    }

    /** Its ingress rules as {@code protocol from-to source} where the source is the group name or the CIDR. */
    List<String> ingress(JsonObject group) {
        List<String> out = new ArrayList<>();
        JsonArray rules = group.getAsJsonArray("ingressrule");
        for (JsonElement e : rules == null ? new JsonArray() : rules) {
            JsonObject r = e.getAsJsonObject();
            out.add(r.get("protocol").getAsString() + " " + r.get("startport").getAsInt() + "-"
                    + r.get("endport").getAsInt() + " " + (r.has("securitygroupname")
                    ? r.get("securitygroupname").getAsString() : r.get("cidr").getAsString()));
        }
        out.sort(null);
        return out;
    }

    /** The rules a native or EC2 cluster group must hold: internal ports from itself, SSH from the CIDR. */
    static List<String> expectedIngress(String cluster) {
        String g = "skyport-cluster-" + cluster;
        List<String> out = new ArrayList<>(List.of("tcp 2379-2380 " + g, "tcp 6443-6443 " + g, "tcp 10250-10250 " + g,
                "udp 8472-8472 " + g, "tcp 22-22 198.18.0.0/15"));
        out.sort(null);
        return out;
    }

    boolean keyPairExists(String cluster) {
        NativeClient.Reply r = user.call("listSSHKeyPairs", "name", "skyport-cluster-" + cluster);
        JsonArray keys = r.status() == 200 ? r.inner().getAsJsonArray("sshkeypair") : null;
        return keys != null && !keys.isEmpty();
    }
}
