package io.skyport.app.it;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Security group and SSH key pair responses compared key for key, both ways, with CloudStack 4.20
 * captures. Each call repeats the parameters the capture was taken with.
 */
public class SecurityGroupShapeIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static void assertShape(String capture, JsonObject actual, Set<String> ignored) {
        JsonObject reference = JsonShape.capture(capture).getAsJsonObject("body");
        List<String> diff = JsonShape.differences(reference, actual, ignored);
        assertEquals(capture + " differs: " + diff + "\nactual: " + actual, List.of(), diff);
    }

    private static NativeClient admin() {
        return SERVER.admin();
    }

    @Test
    public void securityGroups() {
        String name = "shape" + System.nanoTime() + "-sg";
        JsonObject created = admin().call("createSecurityGroup", "name", name).json();
        assertShape("createSecurityGroup.json", created, Set.of());
        String id = created.getAsJsonObject("createsecuritygroupresponse").getAsJsonObject("securitygroup")
                .get("id").getAsString();

        JsonObject submit = admin().call("authorizeSecurityGroupIngress", "cidrlist", "0.0.0.0/0", "endport", "22",
                "protocol", "TCP", "securitygroupname", name, "startport", "22").json();
        assertShape("authorizeSecurityGroupIngress.submit.json", submit, Set.of());
        JsonObject done = admin().awaitJob(submit.getAsJsonObject("authorizesecuritygroupingressresponse")
                .get("jobid").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        // no capture of the job result: its group must look like a listed group with the same rule
        JsonObject listedGroup = JsonShape.capture("listSecurityGroups.json").getAsJsonObject("body")
                .getAsJsonObject("listsecuritygroupsresponse").getAsJsonArray("securitygroup").get(0)
                .getAsJsonObject();
        List<String> diff = JsonShape.differences(listedGroup, done.getAsJsonObject("jobresult")
                .getAsJsonObject("securitygroup"), Set.of());
        assertEquals("job result differs: " + diff + "\n" + done, List.of(), diff);

        assertShape("listSecurityGroups.json", admin().call("listSecurityGroups", "id", id).json(), Set.of());
        assertShape("listSecurityGroups.json", admin().call("listSecurityGroups").json(), Set.of());
        assertShape("deleteSecurityGroup.json", admin().call("deleteSecurityGroup", "name", name).json(), Set.of());
    }

    @Test
    public void sshKeyPairs() {
        // the empty listing first: the capture is CloudStack's answer when there is nothing to list
        assertShape("listSSHKeyPairs.json", admin().call("listSSHKeyPairs", "name", "none-such").json(), Set.of());
        String name = "shape" + System.nanoTime() + "-kp";
        assertShape("createSSHKeyPair.json", admin().call("createSSHKeyPair", "name", name).json(), Set.of());
        assertShape("listSSHKeyPairs.one.json", admin().call("listSSHKeyPairs", "name", name).json(), Set.of());
        assertShape("deleteSSHKeyPair.json", admin().call("deleteSSHKeyPair", "name", name).json(), Set.of());
    }
}
