package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The database restarts under a server with jobs pending (on a private mariadbd: the machine's is
 * shared). Meanwhile the server reports itself not ready; once the database is back it is ready
 * again, every job submitted before the outage finishes (succeeded, or failed with a reason), none
 * is lost, the VMs are consistent and the server takes new work.
 */
public class DatabaseRestartIT {
    static final int JOBS = 4;
    private PrivateMariaDb mariadb;
    private Path home;

    @After
    public void cleanUp() throws Exception {
        TestServer.deleteTree(home);
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Test
    public void jobsPendingAcrossADatabaseRestartAllFinishAndTheServerTakesWorkAgain() throws Exception {
        Live.require("mariadb", PrivateMariaDb.unavailable().isEmpty(), PrivateMariaDb.unavailable().orElse(null));
        mariadb = PrivateMariaDb.create().start();
        try (Connection c = mariadb.connect(""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE skyport_restart CHARACTER SET utf8mb4");
        }
        home = Files.createTempDirectory("skyport-dbrestart");
        Map<String, String> env = new HashMap<>();
        env.put("SKYPORT_DB_URL", mariadb.url("skyport_restart"));
        env.put("SKYPORT_DB_USER", "root");
        env.put("SKYPORT_CLUSTER_HEARTBEAT_MS", Integer.toString(MultiNodeIT.HEARTBEAT_MS));
        env.put("SKYPORT_CLUSTER_LEASE_MS", Integer.toString(MultiNodeIT.LEASE_MS));
        ClusterConsistency check = new ClusterConsistency(() -> {
            try {
                return mariadb.connect("skyport_restart");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (ServerProcess server = new ServerProcess(home, env).start()) {
            NativeClient admin = server.admin();
            CrashPointsIT.Ids ids = CrashPointsIT.Ids.of(admin);
            // the simulated hypervisor is slow, so the jobs are still running when the database goes
            assertEquals(200, admin.call("configureSimulator", "name", "start", "delay", "3000").status());
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(admin.call("deployVirtualMachine", "zoneid", ids.zone(), "serviceofferingid", ids.offering(),
                        "templateid", ids.template(), "name", "dbr" + i).inner().get("jobid").getAsString());
            }
            assertEquals("all jobs pending before the outage", JOBS, check.count("SELECT COUNT(*) FROM async_job "
                    + "WHERE status = 0 AND cmd = 'deployVirtualMachine'"));

            mariadb.stop();
            long down = System.currentTimeMillis();
            awaitHealth(server, 503, 30_000);
            System.out.printf("DatabaseRestartIT: not ready %d ms after the database stopped%n",
                    System.currentTimeMillis() - down);
            // down for longer than a lease: the node's own leases run out and must be renewed, not lost
            Thread.sleep(MultiNodeIT.LEASE_MS + 2000L);
            mariadb.start();
            long up = System.currentTimeMillis();
            awaitHealth(server, 200, 60_000);
            System.out.printf("DatabaseRestartIT: ready again %d ms after the database returned%n",
                    System.currentTimeMillis() - up);

            int succeeded = 0;
            for (String job : jobs) {
                JsonObject r = admin.awaitJob(job);
                long deadline = System.currentTimeMillis() + 60_000;
                while (r.get("jobstatus").getAsInt() == 0 && System.currentTimeMillis() < deadline) {
                    r = admin.awaitJob(job);
                }
                assertTrue("job finished after the database returned: " + r, r.get("jobstatus").getAsInt() != 0);
                if (r.get("jobstatus").getAsInt() == 1) {
                    succeeded++;
                } else {
                    assertTrue("a failed job says why: " + r, r.getAsJsonObject("jobresult").get("errortext")
                            .getAsString().length() > 0);
                }
            }
            System.out.printf("DatabaseRestartIT: %d of %d jobs succeeded across the restart, the rest failed with "
                    + "a reason%n", succeeded, JOBS);
            assertEquals("no job lost", JOBS, check.count("SELECT COUNT(*) FROM async_job WHERE cmd = "
                    + "'deployVirtualMachine' AND status <> 0"));

            assertEquals(200, admin.call("configureSimulator", "name", "start", "delay", "0").status());
            NativeClient.Reply submitted = admin.call("deployVirtualMachine", "zoneid", ids.zone(),
                    "serviceofferingid", ids.offering(), "templateid", ids.template(), "name", "dbr-after");
            assertEquals("a new job is accepted: " + submitted.body(), 200, submitted.status());
            JsonObject fresh = admin.awaitJob(submitted.inner().get("jobid").getAsString());
            assertEquals("the server takes new work: " + fresh, 1, fresh.get("jobstatus").getAsInt());
            awaitConsistent(check);
        }
    }

    /** VMs whose jobs failed during the outage are settled by the next takeover pass: allow it a few beats. */
    static void awaitConsistent(ClusterConsistency check) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> wrong = check.violations();
        while (!wrong.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            wrong = check.violations();
        }
        assertEquals(List.of(), wrong);
    }

    private static void awaitHealth(ServerProcess server, int status, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        int seen = -2;
        while (System.currentTimeMillis() < deadline) {
            seen = server.health();
            if (seen == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("/healthz never answered " + status + " (last " + seen + ")");
    }
}
