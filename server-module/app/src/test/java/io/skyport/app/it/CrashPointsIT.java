package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.After;
import org.junit.Test;

/**
 * kill -9 at randomized points of deploy, stop, start, destroy and expunge (seeded: the seed is
 * printed, {@code -Dskyport.crash.seed} replays a run). A point is either a named crash point in
 * the server ({@code SKYPORT_FAULT_HALT=point@n}: the JVM halts the n-th time it passes there) or
 * a SIGKILL at a random moment while the simulator answers with random delays. After every crash
 * the server restarts on the same MariaDB database and {@link ClusterConsistency} must find
 * nothing wrong: no job pending, every failed job with a reason, no VM in a transitional state, no
 * instance left on a host without its VM, reservations and counters equal to a recount.
 */
public class CrashPointsIT {
    static final List<String> POINTS = List.of("vm.start.reserved", "vm.start.host-started", "vm.start.running",
            "vm.stop.stopping", "vm.stop.host-stopped", "vm.stop.stopped", "vm.destroy.destroyed",
            "vm.expunge.expunging", "vm.expunge.host-removed", "job.before-work", "job.before-complete");
    private Path home;
    private Path peerHome;
    private ServerProcess peer;
    private ScratchMariaDb db;

    @After
    public void cleanUp() throws Exception {
        if (peer != null) {
            peer.close();
        }
        TestServer.deleteTree(home);
        TestServer.deleteTree(peerHome);
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void everyKillPointLeavesAConsistentDatabaseAfterRestart() throws Exception {
        killPoints(Integer.getInteger("skyport.crash.points", 20), false);
    }

    /**
     * The same with a second node up all along: after each kill the database must become consistent
     * with no restart, within the takeover bound (the second node fails the jobs and settles the
     * VMs; after the first kill it holds the hosts too); then the killed node restarts beside it,
     * and no start-up rebuild corrects the counters (a node does not rebuild them while a peer is up).
     */
    @Test
    public void killPointsTakenOverByASecondNode() throws Exception {
        killPoints(Integer.getInteger("skyport.crash.takeover.points", 10), true);
    }

    private void killPoints(int points, boolean withPeer) throws Exception {
        long seed = Long.getLong("skyport.crash.seed", System.nanoTime());
        String tag = withPeer ? "CrashPointsIT (takeover)" : "CrashPointsIT";
        System.out.println(tag + " seed " + seed + " (replay with -Dskyport.crash.seed=" + seed + ")");
        Random rnd = new Random(seed);
        db = ScratchMariaDb.create();
        home = Files.createTempDirectory("skyport-crashpoints");
        ClusterConsistency check = new ClusterConsistency(db::connection);
        List<String> done = new ArrayList<>();
        int halted = 0;
        for (int i = 0; i <= points; i++) {
            boolean last = i == points;
            // every fourth kill is a SIGKILL at a random moment, the others named points (which, when, random)
            boolean timed = !last && i % 4 == 3;
            String point = last || timed ? null : POINTS.get(rnd.nextInt(POINTS.size())) + "@" + (1 + rnd.nextInt(2));
            Map<String, String> env = new HashMap<>(MultiNodeIT.nodeEnv(db));
            if (point != null) {
                env.put("SKYPORT_FAULT_HALT", point);
            }
            try (ServerProcess server = new ServerProcess(home, env)) {
                long starting = System.currentTimeMillis();
                try {
                    server.start();
                    if (withPeer && peer == null) {
                        peerHome = Files.createTempDirectory("skyport-crashpeer");
                        peer = new ServerProcess(peerHome, MultiNodeIT.nodeEnv(db)).joining().start();
                    }
                    System.out.println(tag + ": restart and recovery took " + (System.currentTimeMillis()
                            - starting) + " ms");
                } catch (IllegalStateException exited) {
                    // the restart's own recovery passed the crash point (an expunge it resumed, say): a crash
                    // during recovery, checked after the next restart like any other
                    if (point != null && server.awaitExit(Duration.ZERO) == 137
                            && server.log().contains("skyport-fault-halt " + point)) {
                        halted++;
                        done.add(point + " (during the restart's recovery)");
                        System.out.println(tag + " kill point " + (i + 1) + "/" + points + ": " + point
                                + " during the restart's recovery");
                        continue;
                    }
                    throw exited;
                }
                List<String> wrong = withPeer ? awaitConsistent(check, MultiNodeIT.TAKEOVER_BOUND_MS)
                        : check.violations();
                assertEquals("after kill point " + i + " (" + (done.isEmpty() ? "none" : done.get(done.size() - 1))
                        + ", seed " + seed + ")", List.of(), wrong);
                if (last) {
                    break;
                }
                NativeClient admin = server.admin();
                Ids ids = Ids.of(admin);
                String what;
                if (timed) {
                    for (String cmd : List.of("start", "stop", "destroy")) {
                        admin.call("configureSimulator", "name", cmd, "delay", Integer.toString(50 + rnd.nextInt(600)));
                    }
                    long killAfter = 200 + rnd.nextInt(3000);
                    Thread worker = new Thread(() -> workload(admin, ids, 3));
                    worker.setDaemon(true);
                    worker.start();
                    Thread.sleep(killAfter);
                    server.kill();
                    worker.join(35_000);
                    what = "SIGKILL after " + killAfter + " ms";
                } else {
                    workload(admin, ids, 2);
                    int status = server.awaitExit(Duration.ofSeconds(20));
                    if (status == -1) {
                        // the point was not on this workload's path: a kill at rest is a kill point too
                        server.kill();
                        what = point + " (not reached; SIGKILL at rest)";
                    } else {
                        assertTrue("the server halted at its crash point: " + status,
                                server.log().contains("skyport-fault-halt " + point));
                        halted++;
                        what = point;
                    }
                }
                done.add(what);
                System.out.println(tag + " kill point " + (i + 1) + "/" + points + ": " + what);
                if (withPeer) {
                    long killed = System.currentTimeMillis();
                    assertEquals("taken over by the other node after " + what + " (seed " + seed + ")", List.of(),
                            awaitConsistent(check, MultiNodeIT.TAKEOVER_BOUND_MS));
                    System.out.println(tag + ": consistent again " + (System.currentTimeMillis() - killed)
                            + " ms after the kill, without a restart");
                }
            }
        }
        System.out.println(tag + ": " + points + " kill points, " + halted + " at named crash points, seed "
                + seed);
        assertTrue("most kill points are named crash points actually reached: " + done, halted >= points / 2);
    }

    /** Polls the consistency check until it passes or {@code boundMs} is up; the last violations. */
    static List<String> awaitConsistent(ClusterConsistency check, long boundMs) throws Exception {
        long deadline = System.currentTimeMillis() + boundMs;
        List<String> wrong = check.violations();
        while (!wrong.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            wrong = check.violations();
        }
        return wrong;
    }

    /**
     * Rounds of deploy, stop, start, destroy, expunge, after clearing what earlier rounds left;
     * returns quietly when the server dies under it.
     */
    static void workload(NativeClient admin, Ids ids, int rounds) {
        try {
            for (String vm : liveVms(admin)) {
                job(admin, "destroyVirtualMachine", "id", vm, "expunge", "true");
            }
            for (int r = 0; r < rounds; r++) {
                JsonObject deployed = job(admin, "deployVirtualMachine", "zoneid", ids.zone, "serviceofferingid",
                        ids.offering, "templateid", ids.template);
                if (deployed.get("jobstatus").getAsInt() != 1) {
                    throw new AssertionError("deploy failed on a healthy server: " + deployed);
                }
                String vm = deployed.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine").get("id")
                        .getAsString();
                job(admin, "stopVirtualMachine", "id", vm);
                job(admin, "startVirtualMachine", "id", vm);
                job(admin, "destroyVirtualMachine", "id", vm);
                job(admin, "expungeVirtualMachine", "id", vm);
            }
        } catch (IllegalStateException serverGone) {
            // the connection broke: the server died at its kill point
        }
    }

    private static List<String> liveVms(NativeClient admin) {
        List<String> out = new ArrayList<>();
        JsonObject r = admin.call("listVirtualMachines", "listall", "true").inner();
        if (r.has("virtualmachine")) {
            for (JsonElement e : r.getAsJsonArray("virtualmachine")) {
                out.add(e.getAsJsonObject().get("id").getAsString());
            }
        }
        return out;
    }

    private static JsonObject job(NativeClient admin, String cmd, String... kv) {
        NativeClient.Reply r = admin.call(cmd, kv);
        JsonObject inner = r.inner();
        if (inner == null || !inner.has("jobid")) {
            return inner == null ? new JsonObject() : inner;
        }
        return admin.awaitJob(inner.get("jobid").getAsString());
    }

    record Ids(String zone, String offering, String template) {
        static Ids of(NativeClient admin) {
            return new Ids(admin.call("listZones").inner().getAsJsonArray("zone").get(0).getAsJsonObject().get("id")
                    .getAsString(),
                    admin.call("listServiceOfferings").inner().getAsJsonArray("serviceoffering").get(0)
                            .getAsJsonObject().get("id").getAsString(),
                    admin.call("listTemplates", "templatefilter", "featured").inner().getAsJsonArray("template")
                            .get(0).getAsJsonObject().get("id").getAsString());
        }
    }

    static void awaitVmState(NativeClient admin, String vmId, String state, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String seen = null;
        while (System.currentTimeMillis() < deadline) {
            JsonObject r = admin.call("listVirtualMachines", "id", vmId).inner();
            if (r.has("virtualmachine")) {
                seen = r.getAsJsonArray("virtualmachine").get(0).getAsJsonObject().get("state").getAsString();
                if (state.equals(seen)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("VM " + vmId + " never reached " + state + " (last seen " + seen + ")");
    }
}
