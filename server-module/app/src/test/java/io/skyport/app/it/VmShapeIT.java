package io.skyport.app.it;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/** VM command responses compared with Apache CloudStack 4.20's captured ones, key for key. */
public class VmShapeIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    /** Every key is compared: no exceptions are needed for the VM commands. */
    private static final Set<String> NOT_COMPARED = Set.of();

    private static String zone;
    private static String offering;
    private static String template;

    @BeforeClass
    public static void ids() {
        zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
        template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null, null)
                .get(0).uuid();
    }

    private static void assertShape(String capture, JsonObject actual) {
        JsonObject c = JsonShape.capture(capture);
        JsonObject reference = c.has("body") ? c.getAsJsonObject("body") : c;
        List<String> diff = JsonShape.differences(reference, actual, NOT_COMPARED);
        assertEquals(capture + " differs: " + diff + "\nactual: " + actual, List.of(), diff);
    }

    private static JsonObject deploy(String name) {
        return SERVER.admin().call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", name, "userdata", "I2Nsb3VkLWNvbmZpZwpob3N0bmFtZTogZ29sZGVuCg==")
                .json();
    }

    @Test
    public void deploySubmitAndResult() {
        JsonObject submit = deploy("shape1");
        assertShape("deployVirtualMachine.submit.json", submit);
        String job = submit.getAsJsonObject("deployvirtualmachineresponse").get("jobid").getAsString();
        SERVER.admin().awaitJob(job);
        assertShape("deployVirtualMachine.result.json", SERVER.admin().call("queryAsyncJobResult", "jobid", job)
                .inner());
    }

    @Test
    public void listOneAndUserData() {
        JsonObject submit = deploy("shape2").getAsJsonObject("deployvirtualmachineresponse");
        SERVER.admin().awaitJob(submit.get("jobid").getAsString());
        String id = submit.get("id").getAsString();
        assertShape("listVirtualMachines.one.json", SERVER.admin().call("listVirtualMachines", "id", id).json());
        assertShape("getVirtualMachineUserData.json", SERVER.admin().call("getVirtualMachineUserData",
                "virtualmachineid", id).json());
    }

    @Test
    public void powerOperations() {
        JsonObject submit = deploy("shape3").getAsJsonObject("deployvirtualmachineresponse");
        SERVER.admin().awaitJob(submit.get("jobid").getAsString());
        String id = submit.get("id").getAsString();
        for (String op : new String[] {"stop", "start"}) {
            JsonObject s = SERVER.admin().call(op + "VirtualMachine", "id", id).json();
            assertShape(op + "VirtualMachine.submit.json", s);
            String job = s.getAsJsonObject(op + "virtualmachineresponse").get("jobid").getAsString();
            SERVER.admin().awaitJob(job);
            assertShape(op + "VirtualMachine.result.json", SERVER.admin().call("queryAsyncJobResult", "jobid", job)
                    .inner());
        }
        JsonObject stopped = SERVER.admin().call("stopVirtualMachine", "id", id).json();
        SERVER.admin().awaitJob(stopped.getAsJsonObject("stopvirtualmachineresponse").get("jobid").getAsString());
        // stopping a stopped VM is accepted as a job, which then fails
        assertShape("error.stopStopped.json", SERVER.admin().call("stopVirtualMachine", "id", id).json());
        JsonObject d = SERVER.admin().call("destroyVirtualMachine", "id", id, "expunge", "true").json();
        assertShape("destroyVirtualMachine.submit.json", d);
        String job = d.getAsJsonObject("destroyvirtualmachineresponse").get("jobid").getAsString();
        SERVER.admin().awaitJob(job);
        assertShape("destroyVirtualMachine.result.json", SERVER.admin().call("queryAsyncJobResult", "jobid", job)
                .inner());
    }
}
