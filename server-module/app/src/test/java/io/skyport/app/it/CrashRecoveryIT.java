package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** A server killed with SIGKILL in the middle of a deploy recovers the job and the VM on restart. */
public class CrashRecoveryIT {
    private Path home;

    @After
    public void cleanUp() {
        TestServer.deleteTree(home);
    }

    @Test
    public void killDuringDeployLeavesNoVmStuckInStarting() throws Exception {
        home = Files.createTempDirectory("skyport-crash");
        String jobId;
        String vmId;
        try (ServerProcess first = new ServerProcess(home, Map.of()).start()) {
            NativeClient admin = first.admin();
            String zone = admin.call("listZones").inner().getAsJsonArray("zone").get(0).getAsJsonObject()
                    .get("id").getAsString();
            String offering = firstId(admin, "listServiceOfferings", "serviceoffering");
            String template = admin.call("listTemplates", "templatefilter", "featured").inner()
                    .getAsJsonArray("template").get(0).getAsJsonObject().get("id").getAsString();
            assertEquals(200, admin.call("configureSimulator", "name", "start", "delay", "30000").status());
            JsonObject submit = admin.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                    "templateid", template, "name", "crash1").inner();
            jobId = submit.get("jobid").getAsString();
            vmId = submit.get("id").getAsString();
            waitForState(admin, vmId, "Starting");
            first.kill();
        }
        try (ServerProcess second = new ServerProcess(home, Map.of()).start()) {
            NativeClient admin = second.admin();
            JsonObject job = admin.call("queryAsyncJobResult", "jobid", jobId).inner();
            assertEquals("the interrupted job is finished as failed: " + job, 2, job.get("jobstatus").getAsInt());
            assertTrue(job.toString(), job.getAsJsonObject("jobresult").get("errortext").getAsString()
                    .contains("restarted"));
            JsonObject vm = admin.call("listVirtualMachines", "id", vmId).inner().getAsJsonArray("virtualmachine")
                    .get(0).getAsJsonObject();
            assertNotEquals("Starting", vm.get("state").getAsString());
            assertEquals("Stopped", vm.get("state").getAsString());
            JsonObject started = admin.awaitJob(admin.call("startVirtualMachine", "id", vmId).inner().get("jobid")
                    .getAsString());
            assertEquals("the recovered VM is usable: " + started, 1, started.get("jobstatus").getAsInt());
        }
    }

    private static String firstId(NativeClient admin, String command, String entity) {
        return admin.call(command).inner().getAsJsonArray(entity).get(0).getAsJsonObject().get("id").getAsString();
    }

    private static void waitForState(NativeClient admin, String vmId, String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject r = admin.call("listVirtualMachines", "id", vmId).inner();
            if (r.has("virtualmachine") && state.equals(r.getAsJsonArray("virtualmachine").get(0).getAsJsonObject()
                    .get("state").getAsString())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("VM " + vmId + " never reached " + state);
    }
}
