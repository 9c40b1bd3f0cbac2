package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Key pairs, security groups, tags, volumes and public IPs through the native API: the scenarios
 * a tenant runs, another tenant's view of them, bad input, and the response shapes of CloudStack.
 */
public class TenantResourcesIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static String zone;
    private static String offering;
    private static String template;
    private static NativeClient alice;
    private static NativeClient bob;
    private static String aliceName;
    private static String domainId;

    @BeforeClass
    public static void setUp() {
        zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
        template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null, null)
                .get(0).uuid();
        aliceName = "alice" + System.nanoTime();
        alice = tenant(aliceName);
        bob = tenant("bob" + System.nanoTime());
    }

    private static NativeClient tenant(String name) {
        JsonObject account = SERVER.admin().call("createAccount", "username", name, "password", "Tenant-Passw0rd",
                "firstname", "T", "lastname", "N", "email", name + "@example.org").inner().getAsJsonObject("account");
        domainId = account.get("domainid").getAsString();
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = SERVER.admin().call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        return new NativeClient(SERVER.baseUrl(), keys.get("apikey").getAsString(), keys.get("secretkey").getAsString());
    }

    private static JsonObject job(NativeClient c, JsonObject submit) {
        assertNotNull(submit.toString(), submit.get("jobid"));
        JsonObject done = c.awaitJob(submit.get("jobid").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        return done.getAsJsonObject("jobresult");
    }

    private static void assertShape(String capture, JsonObject actual, Set<String> ignored) {
        JsonObject reference = JsonShape.capture(capture).getAsJsonObject("body");
        List<String> diff = JsonShape.differences(reference, actual, ignored);
        assertEquals(capture + " differs: " + diff + "\nactual: " + actual, List.of(), diff);
    }

    private static void assertNotFoundFor(NativeClient c, String command, String... kv) {
        NativeClient.Reply r = c.call(command, kv);
        assertEquals(command + " must treat another tenant's id as unknown: " + r.body(), 431, r.status());
        assertTrue(r.body(), r.inner().get("errortext").getAsString().contains("due to invalid value"));
    }

    @Test
    public void keyPairsAndSecurityGroupsGoWithTheVm() {
        JsonObject created = alice.call("createSSHKeyPair", "name", "kp1").json();
        assertShape("createSSHKeyPair.json", created, Set.of());
        assertTrue(created.toString().contains("-----BEGIN RSA PRIVATE KEY-----"));
        JsonObject listed = alice.call("listSSHKeyPairs", "name", "kp1").json();
        assertShape("listSSHKeyPairs.one.json", listed, Set.of());
        assertFalse("the private key is shown only once", listed.toString().contains("PRIVATE KEY"));
        assertEquals(431, alice.call("createSSHKeyPair", "name", "kp1").status());
        assertEquals(431, alice.call("registerSSHKeyPair", "name", "bad", "publickey", "ssh-rsa notbase64!").status());

        JsonObject sg = alice.call("createSecurityGroup", "name", "web", "description", "web servers").json();
        assertShape("createSecurityGroup.json", sg, Set.of("$.createsecuritygroupresponse.securitygroup.description"));
        String sgId = sg.getAsJsonObject("createsecuritygroupresponse").getAsJsonObject("securitygroup").get("id")
                .getAsString();
        JsonObject auth = alice.call("authorizeSecurityGroupIngress", "securitygroupid", sgId, "protocol", "tcp",
                "startport", "22", "endport", "22", "cidrlist", "0.0.0.0/0").json();
        assertShape("authorizeSecurityGroupIngress.submit.json", auth, Set.of());
        job(alice, auth.getAsJsonObject("authorizesecuritygroupingressresponse"));
        job(alice, alice.call("authorizeSecurityGroupIngress", "securitygroupid", sgId, "protocol", "icmp",
                "icmptype", "-1", "icmpcode", "-1", "cidrlist", "198.18.0.0/15").inner());
        assertEquals(431, alice.call("authorizeSecurityGroupIngress", "securitygroupid", sgId, "protocol", "tcp",
                "startport", "70000", "endport", "70001", "cidrlist", "0.0.0.0/0").status());
        assertEquals(431, alice.call("authorizeSecurityGroupIngress", "securitygroupid", sgId, "protocol", "tcp",
                "startport", "22", "endport", "22", "cidrlist", "300.1.1.1/8").status());
        assertEquals(431, alice.call("authorizeSecurityGroupIngress", "securitygroupid", sgId, "protocol", "gre2",
                "cidrlist", "0.0.0.0/0").status());

        JsonObject vm = job(alice, alice.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "keypair", "kp1", "securitygroupids", sgId).inner())
                .getAsJsonObject("virtualmachine");
        assertEquals("kp1", vm.get("keypairs").getAsString());
        assertEquals("web", vm.getAsJsonArray("securitygroup").get(0).getAsJsonObject().get("name").getAsString());

        JsonObject groups = alice.call("listSecurityGroups", "id", sgId).json();
        assertShape("listSecurityGroups.json", alice.call("listSecurityGroups", "id", sgId).json(), Set.of(
                // the capture's groups have no description; an icmp rule carries icmptype/icmpcode, not ports
                "$.listsecuritygroupsresponse.securitygroup[].description",
                "$.listsecuritygroupsresponse.securitygroup[].ingressrule[].icmptype",
                "$.listsecuritygroupsresponse.securitygroup[].ingressrule[].icmpcode",
                "$.listsecuritygroupsresponse.securitygroup[].ingressrule[].startport",
                "$.listsecuritygroupsresponse.securitygroup[].ingressrule[].endport",
                "$.listsecuritygroupsresponse.securitygroup[].virtualmachineids"));
        // the capture is an empty listing: bob has no key pairs
        assertShape("listSSHKeyPairs.json", bob.call("listSSHKeyPairs").json(), Set.of());
        JsonObject group = groups.getAsJsonObject("listsecuritygroupsresponse").getAsJsonArray("securitygroup").get(0)
                .getAsJsonObject();
        assertEquals(2, group.getAsJsonArray("ingressrule").size());
        assertEquals(1, group.get("virtualmachinecount").getAsInt());
        String sshRule = group.getAsJsonArray("ingressrule").get(0).getAsJsonObject().get("ruleid").getAsString();

        assertNotFoundFor(bob, "listSecurityGroups", "id", sgId);
        assertNotFoundFor(bob, "revokeSecurityGroupIngress", "id", sshRule);
        assertNotFoundFor(bob, "listVirtualMachines", "id", vm.get("id").getAsString());
        assertFalse(bob.call("listSSHKeyPairs").body().contains("kp1"));

        job(alice, alice.call("revokeSecurityGroupIngress", "id", sshRule).inner());
        assertEquals(1, alice.call("listSecurityGroups", "id", sgId).inner().getAsJsonArray("securitygroup").get(0)
                .getAsJsonObject().getAsJsonArray("ingressrule").size());
        assertEquals("a group in use cannot go", 431, alice.call("deleteSecurityGroup", "id", sgId).status());
        job(alice, alice.call("destroyVirtualMachine", "id", vm.get("id").getAsString(), "expunge", "true").inner());
        assertShape("deleteSecurityGroup.json", alice.call("deleteSecurityGroup", "name", "web").json(), Set.of());
        assertShape("deleteSSHKeyPair.json", alice.call("deleteSSHKeyPair", "name", "kp1").json(), Set.of());
    }

    @Test
    public void tagsVolumesAndAddresses() {
        JsonObject vm = job(alice, alice.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", "tagged").inner()).getAsJsonObject("virtualmachine");
        String vmId = vm.get("id").getAsString();

        JsonObject tagSubmit = alice.call("createTags", "resourcetype", "UserVm", "resourceids", vmId,
                "tags[0].key", "role", "tags[0].value", "db").json();
        assertShape("createTags.submit.json", tagSubmit, Set.of());
        job(alice, tagSubmit.getAsJsonObject("createtagsresponse"));
        assertShape("listTags.one.json", alice.call("listTags", "resourceid", vmId).json(), Set.of());
        // the capture is an empty listing: bob has no tags
        assertShape("listTags.json", bob.call("listTags").json(), Set.of());
        JsonObject byTag = alice.call("listVirtualMachines", "tags[0].key", "role", "tags[0].value", "db").inner();
        assertEquals(1, byTag.get("count").getAsInt());
        assertEquals("db", byTag.getAsJsonArray("virtualmachine").get(0).getAsJsonObject().getAsJsonArray("tags")
                .get(0).getAsJsonObject().get("value").getAsString());
        NativeClient.Reply foreignTag = bob.call("createTags", "resourcetype", "UserVm", "resourceids", vmId,
                "tags[0].key", "x", "tags[0].value", "y");
        assertEquals("bob cannot tag alice's VM: " + foreignTag.body(), 431, foreignTag.status());

        String small = SERVER.admin().call("listDiskOfferings", "name", "Small").inner().getAsJsonArray("diskoffering")
                .get(0).getAsJsonObject().get("id").getAsString();
        JsonObject volume = job(alice, alice.call("createVolume", "name", "data1", "zoneid", zone, "diskofferingid",
                small).inner()).getAsJsonObject("volume");
        String volumeId = volume.get("id").getAsString();
        assertEquals(5L * 1024 * 1024 * 1024, volume.get("size").getAsLong());
        JsonObject attached = job(alice, alice.call("attachVolume", "id", volumeId, "virtualmachineid", vmId).inner())
                .getAsJsonObject("volume");
        assertEquals(1, attached.get("deviceid").getAsInt());
        assertEquals(vmId, attached.get("virtualmachineid").getAsString());
        assertEquals("attached volumes cannot be deleted", 431, alice.call("deleteVolume", "id", volumeId).status());
        assertNotFoundFor(bob, "detachVolume", "id", volumeId);
        JsonObject grown = job(alice, alice.call("resizeVolume", "id", volumeId, "size", "8").inner())
                .getAsJsonObject("volume");
        assertEquals(8L * 1024 * 1024 * 1024, grown.get("size").getAsLong());
        assertEquals("volumes only grow", 431, alice.call("resizeVolume", "id", volumeId, "size", "2").status());
        assertShape("listVolumes.json", alice.call("listVolumes", "virtualmachineid", vmId, "type", "ROOT").json(),
                Set.of());
        JsonArray vols = alice.call("listVolumes", "virtualmachineid", vmId).inner().getAsJsonArray("volume");
        assertEquals("ROOT and the data volume", 2, vols.size());
        job(alice, alice.call("detachVolume", "id", volumeId).inner());
        assertEquals(200, alice.call("deleteVolume", "id", volumeId).status());

        JsonObject ip = job(alice, alice.call("associateIpAddress", "zoneid", zone).inner()).getAsJsonObject("ipaddress");
        String ipId = ip.get("id").getAsString();
        assertTrue(ip.get("ipaddress").getAsString().startsWith("198.19.0."));
        assertEquals(200, alice.call("enableStaticNat", "ipaddressid", ipId, "virtualmachineid", vmId).status());
        JsonObject listed = alice.call("listPublicIpAddresses", "isstaticnat", "true").json();
        assertShape("listPublicIpAddresses.json", listed, Set.of(
                // Skyport reports the VM a static-NAT address points to, as CloudStack does for such addresses;
                // the captured address had no static NAT
                "$.listpublicipaddressesresponse.publicipaddress[].virtualmachineid",
                "$.listpublicipaddressesresponse.publicipaddress[].virtualmachinename",
                "$.listpublicipaddressesresponse.publicipaddress[].virtualmachinedisplayname"));
        assertNotFoundFor(bob, "disassociateIpAddress", "id", ipId);
        job(alice, alice.call("disableStaticNat", "ipaddressid", ipId).inner());
        job(alice, alice.call("disassociateIpAddress", "id", ipId).inner());
        assertFalse(alice.call("listPublicIpAddresses").inner().has("publicipaddress"));

        assertEquals(200, SERVER.admin().call("updateResourceLimit", "account", aliceName, "domainid", domainId,
                "resourcetype", "1", "max", "1").status());
        job(alice, alice.call("associateIpAddress", "zoneid", zone).inner());
        JsonObject refused = alice.awaitJob(alice.call("associateIpAddress", "zoneid", zone).inner().get("jobid")
                .getAsString());
        assertEquals(refused.toString(), 535, refused.getAsJsonObject("jobresult").get("errorcode").getAsInt());
    }
}
