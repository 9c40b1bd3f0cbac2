package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Test;

/**
 * Crash points of a VM on a real Docker engine: a server (its own JVM, on MariaDB) halted by
 * kill -9 semantics in the middle of a deploy, a stop, a start and an expunge. After each restart
 * the VM is consistent with its container: a started container is adopted (the VM is Running), a
 * stopped VM keeps its stopped container, an interrupted expunge is finished and the container is
 * gone; no container is left for a VM that no longer exists.
 */
public class DockerCrashIT {
    private final List<String> made = new ArrayList<>();
    private DockerEngine engine;
    private ScratchMariaDb db;
    private Path home;

    @After
    public void cleanUp() throws Exception {
        if (engine != null) {
            made.forEach(engine::removeQuietly);
            engine.close();
        }
        TestServer.deleteTree(home);
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void containersFollowTheirVmsThroughCrashesAtEveryStep() throws Exception {
        Optional<String> missing = DockerEngine.unavailable();
        Live.require("Docker engine", missing.isEmpty(), missing.orElse(""));
        engine = new DockerEngine();
        engine.ensureImage();
        db = ScratchMariaDb.create();
        home = Files.createTempDirectory("skyport-dockercrash");
        ClusterConsistency check = new ClusterConsistency(db::connection);

        ContainerZone zone;
        String vm;
        try (ServerProcess server = server("vm.start.host-started@1")) {
            NativeClient admin = server.admin();
            zone = ContainerZone.docker(admin, "Crash");
            JsonObject deploy = admin.call("deployVirtualMachine", "zoneid", zone.zone, "serviceofferingid",
                    zone.offering, "templateid", zone.template, "name", "crashbox").inner();
            vm = deploy.get("id").getAsString();
            made.add(vm);
            halted(server, "vm.start.host-started@1");
        }
        try (ServerProcess server = server("vm.stop.host-stopped@1")) {
            NativeClient admin = server.admin();
            consistent(check, admin, vm, "Running");
            assertTrue("the container started before the crash is adopted", engine.running(vm));
            submitQuietly(admin, "stopVirtualMachine", "id", vm);
            halted(server, "vm.stop.host-stopped@1");
        }
        try (ServerProcess server = server("vm.start.reserved@1")) {
            NativeClient admin = server.admin();
            consistent(check, admin, vm, "Stopped");
            assertTrue("a stopped VM keeps its container", engine.container(vm).isPresent());
            assertFalse(engine.running(vm));
            submitQuietly(admin, "startVirtualMachine", "id", vm);
            halted(server, "vm.start.reserved@1");
        }
        try (ServerProcess server = server("vm.expunge.expunging@1")) {
            NativeClient admin = server.admin();
            consistent(check, admin, vm, "Stopped");
            JsonObject started = admin.awaitJob(admin.call("startVirtualMachine", "id", vm).inner().get("jobid")
                    .getAsString());
            assertEquals("the VM starts after the crashes: " + started, 1, started.get("jobstatus").getAsInt());
            assertTrue(engine.running(vm));
            submitQuietly(admin, "destroyVirtualMachine", "id", vm, "expunge", "true");
            halted(server, "vm.expunge.expunging@1");
        }
        try (ServerProcess server = server(null)) {
            NativeClient admin = server.admin();
            assertEquals(List.of(), check.violations());
            JsonObject listed = admin.call("listVirtualMachines", "id", vm).inner();
            assertFalse("the interrupted expunge was finished: " + listed, listed.has("virtualmachine"));
            assertTrue("no container is left for the expunged VM", engine.container(vm).isEmpty());
        }
    }

    private ServerProcess server(String haltAt) throws Exception {
        Map<String, String> env = new HashMap<>(MultiNodeIT.nodeEnv(db));
        if (haltAt != null) {
            env.put("SKYPORT_FAULT_HALT", haltAt);
        }
        return new ServerProcess(home, env).start();
    }

    /** Submits a job that halts the server: the answer may or may not arrive before the halt. */
    private static void submitQuietly(NativeClient admin, String command, String... kv) {
        try {
            admin.call(command, kv);
        } catch (IllegalStateException serverGone) {
            // halted before it answered
        }
    }

    private static void halted(ServerProcess server, String point) throws Exception {
        int status = server.awaitExit(Duration.ofSeconds(60));
        assertEquals("the server halted at " + point, 137, status);
        assertTrue(server.log().contains("skyport-fault-halt " + point));
    }

    private static void consistent(ClusterConsistency check, NativeClient admin, String vm, String state)
            throws Exception {
        assertEquals(List.of(), check.violations());
        JsonObject r = admin.call("listVirtualMachines", "id", vm).inner();
        assertEquals(r.toString(), state, r.getAsJsonArray("virtualmachine").get(0).getAsJsonObject().get("state")
                .getAsString());
    }
}
