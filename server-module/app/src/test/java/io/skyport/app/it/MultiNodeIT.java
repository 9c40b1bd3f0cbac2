package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * Two management servers, each in its own JVM, on one MariaDB database. A deploy running on node 1
 * is cut off by kill -9; node 2 takes the job over once node 1's lease runs out and fails it with
 * the reason, settling the VM to what the host reports; either node answers with the other's
 * login session; node 1 rejoins after a restart and takes work again.
 */
public class MultiNodeIT {
    /** Short beats and leases so the takeover is quick; production defaults are 5 s and 20 s. */
    static final int HEARTBEAT_MS = 1000;
    static final int LEASE_MS = 4000;
    /** Bound on takeover: the lease, one scan, one beat to claim the host, one more scan to settle, and slack. */
    static final long TAKEOVER_BOUND_MS = LEASE_MS + 3L * HEARTBEAT_MS + 5000;

    private final List<Path> homes = new java.util.ArrayList<>();
    private ScratchMariaDb db;

    @After
    public void cleanUp() throws Exception {
        homes.forEach(TestServer::deleteTree);
        if (db != null) {
            db.close();
        }
    }

    static Map<String, String> nodeEnv(ScratchMariaDb db) {
        Map<String, String> env = new HashMap<>(db.serverEnv());
        env.put("SKYPORT_CLUSTER_HEARTBEAT_MS", Integer.toString(HEARTBEAT_MS));
        env.put("SKYPORT_CLUSTER_LEASE_MS", Integer.toString(LEASE_MS));
        // several servers share the test MariaDB's connection limit with other tests
        env.put("SKYPORT_DB_POOL", "8");
        // these servers are started many times and live briefly: quick start-up matters more than peak speed
        env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        // the nodes of one cluster share the key secrets are encrypted with (one per database here)
        try {
            env.put("SKYPORT_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(db.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return env;
    }

    private Path home(String name) throws Exception {
        Path h = Files.createTempDirectory("skyport-" + name);
        homes.add(h);
        return h;
    }

    @Test
    public void theOtherNodeTakesOverTheJobOfAKilledNodeAndAnswersItsSessions() throws Exception {
        db = ScratchMariaDb.create();
        ClusterConsistency check = new ClusterConsistency(db::connection);
        Path home1 = home("node1");
        Path home2 = home("node2");
        try (ServerProcess node1 = new ServerProcess(home1, nodeEnv(db)).start();
             ServerProcess node2 = new ServerProcess(home2, nodeEnv(db)).joining().start()) {
            NativeClient admin1 = node1.admin();
            NativeClient admin2 = new NativeClient(node2.baseUrl(), admin1.apiKey(), admin1.secret());
            assertEquals("two nodes registered", 2, check.count("SELECT COUNT(*) FROM mshost WHERE state = 'Up'"));

            // any node answers with a session opened on the other
            admin1.call("createAccount", "username", "mnuser", "password", "Mn-Passw0rd-1", "firstname", "M",
                    "lastname", "N", "email", "mn@example.org");
            Map<String, String> login = new LinkedHashMap<>(Map.of("command", "login", "response", "json",
                    "username", "mnuser", "password", "Mn-Passw0rd-1"));
            NativeClient.Reply loggedIn = admin1.post(login);
            assertEquals(loggedIn.body(), 200, loggedIn.status());
            String session = loggedIn.inner().get("sessionkey").getAsString();
            NativeClient.Reply viaNode2 = admin2.get(new LinkedHashMap<>(Map.of("command", "listAccounts",
                    "response", "json", "sessionkey", session)));
            assertEquals("node 2 accepts node 1's session: " + viaNode2.body(), 200, viaNode2.status());
            assertEquals("mnuser", viaNode2.inner().getAsJsonArray("account").get(0).getAsJsonObject().get("name")
                    .getAsString());
            assertEquals("signed keys work on node 2", 200, admin2.call("listZones").status());
            // EC2: keys made through node 1, a SigV4-signed call to node 2
            Ec2Raw.Reply ec2 = Ec2Raw.post(node2.baseUrl(), admin1.apiKey(), admin1.secret(), "skyport-1",
                    Ec2Raw.action("DescribeRegions"));
            assertEquals("node 2 verifies an EC2 signature of keys it never saw: " + ec2.body(), 200, ec2.status());
            // GCE: a service account key made on node 1, its OAuth token granted by node 1, used on node 2
            com.google.gson.JsonObject keyFile = GceClient.keyFile(admin1);
            GceClient gce1 = new GceClient(node1.baseUrl(), keyFile);
            GceClient gce2 = new GceClient(node2.baseUrl(), keyFile);
            GceClient.Reply zones = gce2.callWith(gce1.token(), "GET", "zones", null);
            assertEquals("node 2 accepts node 1's OAuth token: " + zones.body(), 200, zones.status());

            String zone = admin1.call("listZones").inner().getAsJsonArray("zone").get(0).getAsJsonObject()
                    .get("id").getAsString();
            String offering = admin1.call("listServiceOfferings").inner().getAsJsonArray("serviceoffering").get(0)
                    .getAsJsonObject().get("id").getAsString();
            String template = admin1.call("listTemplates", "templatefilter", "featured").inner()
                    .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();

            // node 1's simulator answers slowly: its deploy is mid-job when it dies
            assertEquals(200, admin1.call("configureSimulator", "name", "start", "delay", "60000").status());
            JsonObject submit = admin1.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                    "templateid", template, "name", "mn-crash").inner();
            String jobId = submit.get("jobid").getAsString();
            String vmId = submit.get("id").getAsString();
            CrashPointsIT.awaitVmState(admin2, vmId, "Starting", 20_000);
            node1.kill();
            long killedAt = System.currentTimeMillis();

            JsonObject job;
            while (true) {
                job = admin2.call("queryAsyncJobResult", "jobid", jobId).inner();
                if (job.get("jobstatus").getAsInt() != 0 || System.currentTimeMillis() - killedAt > 60_000) {
                    break;
                }
                Thread.sleep(100);
            }
            long jobTakeover = System.currentTimeMillis() - killedAt;
            CrashPointsIT.awaitVmState(admin2, vmId, "Stopped", TAKEOVER_BOUND_MS);
            long settled = System.currentTimeMillis() - killedAt;
            System.out.printf("MultiNodeIT: job taken over %d ms and VM settled %d ms after kill -9 (bound %d ms)%n",
                    jobTakeover, settled, TAKEOVER_BOUND_MS);
            assertEquals("the job of the killed node is failed by node 2: " + job, 2,
                    job.get("jobstatus").getAsInt());
            assertTrue(job.toString(), job.getAsJsonObject("jobresult").get("errortext").getAsString()
                    .contains("lease"));
            assertTrue("takeover within the bound: " + settled + " ms", settled <= TAKEOVER_BOUND_MS);
            assertEquals("node 2 holds the hosts now", 0, check.count("SELECT COUNT(*) FROM hosts WHERE removed IS NULL "
                    + "AND mgmt_node <> (SELECT id FROM mshost WHERE address LIKE '%:" + port(node2) + "')"));
            assertEquals(List.of(), check.violations());

            // node 2 does the work itself meanwhile: the settled VM starts there
            JsonObject started = admin2.awaitJob(admin2.call("startVirtualMachine", "id", vmId).inner().get("jobid")
                    .getAsString());
            assertEquals("node 2 runs jobs: " + started, 1, started.get("jobstatus").getAsInt());

            // node 1 rejoins on the same home (same node id) and takes work again
            try (ServerProcess again = new ServerProcess(home1, nodeEnv(db)).joining().start()) {
                NativeClient admin1b = new NativeClient(again.baseUrl(), admin1.apiKey(), admin1.secret());
                assertEquals("both nodes Up again", 2, check.count("SELECT COUNT(*) FROM mshost WHERE state = 'Up'"));
                assertEquals("one node row each: the restarted node kept its id", 2,
                        check.count("SELECT COUNT(*) FROM mshost"));
                NativeClient.Reply viaNode1 = admin1b.get(new LinkedHashMap<>(Map.of("command", "listAccounts",
                        "response", "json", "sessionkey", session)));
                assertEquals("the session still works on the restarted node", 200, viaNode1.status());
                JsonObject stopped = admin1b.awaitJob(admin1b.call("stopVirtualMachine", "id", vmId).inner()
                        .get("jobid").getAsString());
                assertEquals("the rejoined node runs jobs: " + stopped, 1, stopped.get("jobstatus").getAsInt());
                assertEquals(List.of(), check.violations());
            }
        }
    }

    private static int port(ServerProcess p) {
        String url = p.baseUrl();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
