package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Data volumes, public addresses with static NAT, and tags through the native API, as one tenant
 * uses them; a second tenant that must not see or touch any of it; bad input; the address limit.
 */
public class VolumeAddressTagIT {
    private static final long GIB = 1024L * 1024 * 1024;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static String zone;
    private static String offering;
    private static String template;
    private static String smallDisk;
    private static String customDisk;
    private static String rootDomain;
    private static Tenant alice;
    private static Tenant bob;
    private static String vmId;

    /** A tenant account with API keys. */
    private record Tenant(String name, long accountId, NativeClient api) {
    }

    @BeforeClass
    public static void setUp() {
        zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
        template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null, null)
                .get(0).uuid();
        smallDisk = diskOffering("Small");
        customDisk = diskOffering("Custom");
        alice = tenant("alice");
        bob = tenant("bob");
        vmId = job(alice.api(), alice.api().call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", "vat-vm").inner()).getAsJsonObject("virtualmachine").get("id")
                .getAsString();
    }

    private static String diskOffering(String name) {
        return SERVER.admin().call("listDiskOfferings", "name", name).inner().getAsJsonArray("diskoffering").get(0)
                .getAsJsonObject().get("id").getAsString();
    }

    private static Tenant tenant(String prefix) {
        String name = prefix + System.nanoTime();
        JsonObject account = SERVER.admin().call("createAccount", "username", name, "password", "Tenant-Passw0rd",
                "firstname", "T", "lastname", "N", "email", name + "@example.org").inner().getAsJsonObject("account");
        rootDomain = account.get("domainid").getAsString();
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = SERVER.admin().call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        long accountId = SERVER.server().coreBean(AccountDao.class).findByUuid(account.get("id").getAsString())
                .orElseThrow().id();
        return new Tenant(name, accountId, new NativeClient(SERVER.baseUrl(), keys.get("apikey").getAsString(),
                keys.get("secretkey").getAsString()));
    }

    /** Waits for a submitted job and returns its result, failing unless it succeeded. */
    private static JsonObject job(NativeClient c, JsonObject submit) {
        assertNotNull(submit.toString(), submit.get("jobid"));
        JsonObject done = c.awaitJob(submit.get("jobid").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        return done.getAsJsonObject("jobresult");
    }

    /** Waits for a submitted job that must fail, returning its error code. */
    private static int failedJob(NativeClient c, JsonObject submit) {
        assertNotNull(submit.toString(), submit.get("jobid"));
        JsonObject done = c.awaitJob(submit.get("jobid").getAsString());
        assertEquals(done.toString(), 2, done.get("jobstatus").getAsInt());
        return done.getAsJsonObject("jobresult").get("errorcode").getAsInt();
    }

    /** A 431 answer whose text names the parameter at fault (and never a 530). */
    private static void assertParamError(String param, NativeClient.Reply r) {
        assertEquals(r.body(), 431, r.status());
        assertTrue(r.body() + " should name " + param, r.inner().get("errortext").getAsString().contains(param));
    }

    /**
     * Another tenant's id must answer exactly like an id that does not exist: same status, same
     * text once the id itself is replaced.
     */
    private static void assertLikeUnknown(NativeClient c, String command, String idParam, String foreignId,
                                          String... more) {
        String unknownId = UUID.randomUUID().toString();
        NativeClient.Reply foreign = c.call(command, with(more, idParam, foreignId));
        NativeClient.Reply unknown = c.call(command, with(more, idParam, unknownId));
        assertEquals(command + ": " + foreign.body(), 431, foreign.status());
        assertEquals(command + ": " + unknown.body(), 431, unknown.status());
        assertEquals(command, unknown.inner().get("errortext").getAsString().replace(unknownId, "ID"),
                foreign.inner().get("errortext").getAsString().replace(foreignId, "ID"));
    }

    private static String[] with(String[] kv, String key, String value) {
        List<String> out = new ArrayList<>(List.of(kv));
        out.add(key);
        out.add(value);
        return out.toArray(new String[0]);
    }

    private static JsonArray list(NativeClient c, String command, String element, String... kv) {
        NativeClient.Reply r = c.call(command, kv);
        assertEquals(r.body(), 200, r.status());
        JsonElement rows = r.inner().get(element);
        return rows == null ? new JsonArray() : rows.getAsJsonArray();
    }

    private static List<String> ids(JsonArray rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(e -> out.add(e.getAsJsonObject().get("id").getAsString()));
        return out;
    }

    private static long counter(Tenant t, ResourceType type) {
        return SERVER.server().coreBean(ResourceCounter.class).count(t.accountId(), type);
    }

    private static boolean hasEvent(Tenant t, String type) {
        return list(t.api(), "listEvents", "event", "type", type).size() > 0;
    }

    @Test
    public void dataVolumeLifecycleOnADeployedVm() {
        NativeClient api = alice.api();
        long storageBefore = counter(alice, ResourceType.PRIMARY_STORAGE);
        long volumesBefore = counter(alice, ResourceType.VOLUME);
        JsonObject volume = job(api, api.call("createVolume", "name", "data-a", "zoneid", zone, "diskofferingid",
                smallDisk).inner()).getAsJsonObject("volume");
        String volumeId = volume.get("id").getAsString();
        assertEquals("DATADISK", volume.get("type").getAsString());
        assertEquals(5 * GIB, volume.get("size").getAsLong());
        assertFalse("a new volume is detached", volume.has("virtualmachineid"));
        assertEquals(storageBefore + 5, counter(alice, ResourceType.PRIMARY_STORAGE));
        assertEquals(volumesBefore + 1, counter(alice, ResourceType.VOLUME));
        assertTrue(hasEvent(alice, "VOLUME.CREATE"));

        JsonObject attached = job(api, api.call("attachVolume", "id", volumeId, "virtualmachineid", vmId).inner())
                .getAsJsonObject("volume");
        assertEquals(vmId, attached.get("virtualmachineid").getAsString());
        assertEquals("the first free device after ROOT's 0", 1, attached.get("deviceid").getAsInt());

        NativeClient.Reply deleteAttached = api.call("deleteVolume", "id", volumeId);
        assertEquals(deleteAttached.body(), 431, deleteAttached.status());
        assertEquals("still there", List.of(volumeId), ids(list(api, "listVolumes", "volume", "id", volumeId)));

        JsonArray ofVm = list(api, "listVolumes", "volume", "virtualmachineid", vmId);
        assertEquals(ofVm.toString(), 2, ofVm.size());
        String rootId = ids(list(api, "listVolumes", "volume", "virtualmachineid", vmId, "type", "ROOT")).get(0);
        assertParamError("ROOT", api.call("detachVolume", "id", rootId));
        assertEquals(List.of(volumeId), ids(list(api, "listVolumes", "volume", "virtualmachineid", vmId, "type",
                "DATADISK")));
        assertEquals(List.of(volumeId), ids(list(api, "listVolumes", "volume", "keyword", "data-a")));
        assertEquals(List.of(volumeId), ids(list(api, "listVolumes", "volume", "name", "data-a", "zoneid", zone)));

        JsonObject grown = job(api, api.call("resizeVolume", "id", volumeId, "size", "9").inner())
                .getAsJsonObject("volume");
        assertEquals(9 * GIB, grown.get("size").getAsLong());
        assertEquals(storageBefore + 9, counter(alice, ResourceType.PRIMARY_STORAGE));
        assertParamError("size", api.call("resizeVolume", "id", volumeId, "size", "3"));
        assertParamError("size", api.call("resizeVolume", "id", volumeId, "size", "9"));

        JsonObject detached = job(api, api.call("detachVolume", "id", volumeId).inner()).getAsJsonObject("volume");
        assertFalse(detached.toString(), detached.has("virtualmachineid"));
        assertEquals(1, list(api, "listVolumes", "volume", "virtualmachineid", vmId).size());
        NativeClient.Reply deleted = api.call("deleteVolume", "id", volumeId);
        assertEquals(deleted.body(), "{\"deletevolumeresponse\":{\"success\":true}}", deleted.json().toString());
        assertEquals(storageBefore, counter(alice, ResourceType.PRIMARY_STORAGE));
        assertEquals(volumesBefore, counter(alice, ResourceType.VOLUME));
        assertEquals(431, api.call("listVolumes", "id", volumeId).status());
        assertTrue(hasEvent(alice, "VOLUME.ATTACH"));
        assertTrue(hasEvent(alice, "VOLUME.DETACH"));
        assertTrue(hasEvent(alice, "VOLUME.RESIZE"));
        assertTrue(hasEvent(alice, "VOLUME.DELETE"));
    }

    @Test
    public void volumeBadInputIsA431NamingTheParameter() {
        NativeClient api = alice.api();
        assertParamError("zoneid", api.call("createVolume", "diskofferingid", smallDisk));
        assertParamError("diskofferingid", api.call("createVolume", "zoneid", zone, "diskofferingid", "nope"));
        assertParamError("size", api.call("createVolume", "zoneid", zone, "diskofferingid", customDisk));
        assertParamError("size", api.call("createVolume", "zoneid", zone, "diskofferingid", customDisk,
                "size", "0"));
        assertParamError("size", api.call("createVolume", "zoneid", zone, "diskofferingid", customDisk,
                "size", "ten"));
        JsonObject custom = job(api, api.call("createVolume", "zoneid", zone, "diskofferingid", customDisk,
                "size", "3").inner()).getAsJsonObject("volume");
        String id = custom.get("id").getAsString();
        assertEquals(3 * GIB, custom.get("size").getAsLong());
        assertParamError("deviceid", api.call("attachVolume", "id", id, "virtualmachineid", vmId, "deviceid", "0"));
        assertParamError("deviceid", api.call("attachVolume", "id", id, "virtualmachineid", vmId, "deviceid", "99"));
        assertParamError("virtualmachineid", api.call("attachVolume", "id", id));
        assertParamError("size", api.call("resizeVolume", "id", id));
        // a detached volume cannot be detached: the job says so, with a client error
        assertEquals(431, failedJob(api, api.call("detachVolume", "id", id).inner()));
        assertEquals(200, api.call("deleteVolume", "id", id).status());
    }

    @Test
    public void publicAddressWithStaticNat() {
        NativeClient api = alice.api();
        JsonObject ip = job(api, api.call("associateIpAddress", "zoneid", zone).inner()).getAsJsonObject("ipaddress");
        String ipId = ip.get("id").getAsString();
        String address = ip.get("ipaddress").getAsString();
        assertTrue(address, address.startsWith("198.19.0."));
        assertEquals("Allocated", ip.get("state").getAsString());
        assertTrue(hasEvent(alice, "NET.IPASSIGN"));
        assertEquals(List.of(ipId), ids(list(api, "listPublicIpAddresses", "publicipaddress", "ipaddress", address)));
        assertEquals(List.of(ipId), ids(list(api, "listPublicIpAddresses", "publicipaddress", "keyword", address)));

        NativeClient.Reply enabled = api.call("enableStaticNat", "ipaddressid", ipId, "virtualmachineid", vmId);
        assertEquals(enabled.body(), "{\"enablestaticnatresponse\":{\"success\":true}}", enabled.json().toString());
        JsonArray natted = list(api, "listPublicIpAddresses", "publicipaddress", "isstaticnat", "true");
        assertEquals(List.of(ipId), ids(natted));
        assertTrue(natted.get(0).getAsJsonObject().get("isstaticnat").getAsBoolean());
        assertEquals(vmId, natted.get(0).getAsJsonObject().get("virtualmachineid").getAsString());
        assertFalse(ids(list(api, "listPublicIpAddresses", "publicipaddress", "isstaticnat", "false")).contains(ipId));
        String network = natted.get(0).getAsJsonObject().get("associatednetworkid").getAsString();
        assertTrue(ids(list(api, "listPublicIpAddresses", "publicipaddress", "associatednetworkid", network))
                .contains(ipId));
        assertEquals("already NATed", 431, api.call("enableStaticNat", "ipaddressid", ipId, "virtualmachineid", vmId)
                .status());

        job(api, api.call("disableStaticNat", "ipaddressid", ipId).inner());
        assertFalse(ids(list(api, "listPublicIpAddresses", "publicipaddress", "isstaticnat", "true")).contains(ipId));
        assertTrue(hasEvent(alice, "STATICNAT.ENABLE"));
        assertTrue(hasEvent(alice, "STATICNAT.DISABLE"));
        assertEquals("nothing to disable", 431, failedJob(api, api.call("disableStaticNat", "ipaddressid", ipId)
                .inner()));

        // disassociating an address with static NAT disables the NAT first
        assertEquals(200, api.call("enableStaticNat", "ipaddressid", ipId, "virtualmachineid", vmId).status());
        job(api, api.call("disassociateIpAddress", "id", ipId).inner());
        assertFalse(ids(list(api, "listPublicIpAddresses", "publicipaddress")).contains(ipId));
        assertEquals("a released id is unknown", 431, api.call("disassociateIpAddress", "id", ipId).status());
        assertTrue(hasEvent(alice, "NET.IPRELEASE"));

        assertParamError("zoneid", api.call("associateIpAddress"));
        assertParamError("zoneid", api.call("associateIpAddress", "zoneid", "not-a-uuid"));
        assertParamError("isstaticnat", api.call("listPublicIpAddresses", "isstaticnat", "perhaps"));
        assertParamError("ipaddressid", api.call("enableStaticNat", "ipaddressid", UUID.randomUUID().toString(),
                "virtualmachineid", vmId));
    }

    @Test
    public void tagsOnVmsVolumesAndAddresses() {
        NativeClient api = alice.api();
        job(api, api.call("createTags", "resourcetype", "UserVm", "resourceids", vmId, "tags[0].key", "tier",
                "tags[0].value", "db", "tags[1].key", "owner", "tags[1].value", "ops").inner());
        JsonArray byTag = list(api, "listVirtualMachines", "virtualmachine", "tags[0].key", "tier", "tags[0].value",
                "db");
        assertEquals(List.of(vmId), ids(byTag));
        assertEquals(2, byTag.get(0).getAsJsonObject().getAsJsonArray("tags").size());
        assertEquals(0, list(api, "listVirtualMachines", "virtualmachine", "tags[0].key", "tier", "tags[0].value",
                "web").size());
        JsonArray tags = list(api, "listTags", "tag", "resourceid", vmId, "key", "tier");
        assertEquals(tags.toString(), 1, tags.size());
        JsonObject tag = tags.get(0).getAsJsonObject();
        assertEquals("db", tag.get("value").getAsString());
        assertEquals("UserVm", tag.get("resourcetype").getAsString());
        assertEquals(alice.name(), tag.get("account").getAsString());
        assertEquals(2, list(api, "listTags", "tag", "resourcetype", "UserVm", "resourceid", vmId).size());
        JsonArray byKeyword = list(api, "listTags", "tag", "keyword", "ops");
        assertEquals(byKeyword.toString(), 1, byKeyword.size());
        assertTrue(hasEvent(alice, "CREATE_TAGS"));

        assertParamError("tags", api.call("createTags", "resourcetype", "UserVm", "resourceids", vmId,
                "tags[0].key", "tier", "tags[0].value", "cache"));
        assertEquals("the duplicate left the value alone", "db", list(api, "listTags", "tag", "resourceid", vmId,
                "key", "tier").get(0).getAsJsonObject().get("value").getAsString());
        assertParamError("tags", api.call("createTags", "resourcetype", "UserVm", "resourceids", vmId,
                "tags[0].key", "k".repeat(256), "tags[0].value", "v"));
        assertParamError("tags", api.call("createTags", "resourcetype", "UserVm", "resourceids", vmId,
                "tags[0].key", "a", "tags[0].value", "v".repeat(256)));
        assertParamError("tags", api.call("createTags", "resourcetype", "UserVm", "resourceids", vmId));
        assertParamError("resourcetype", api.call("createTags", "resourcetype", "Spaceship", "resourceids", vmId,
                "tags[0].key", "a", "tags[0].value", "b"));
        assertParamError("resourceids", api.call("createTags", "resourcetype", "Volume", "resourceids", vmId,
                "tags[0].key", "a", "tags[0].value", "b"));

        JsonObject ip = job(api, api.call("associateIpAddress", "zoneid", zone).inner()).getAsJsonObject("ipaddress");
        String ipId = ip.get("id").getAsString();
        job(api, api.call("createTags", "resourcetype", "PublicIpAddress", "resourceids", ipId, "tags[0].key", "use",
                "tags[0].value", "lb").inner());
        assertEquals(1, list(api, "listTags", "tag", "resourcetype", "PublicIpAddress", "resourceid", ipId).size());
        job(api, api.call("disassociateIpAddress", "id", ipId).inner());
        assertEquals("an address's tags go with it", 0, list(api, "listTags", "tag", "resourceid", ipId).size());

        job(api, api.call("deleteTags", "resourcetype", "UserVm", "resourceids", vmId, "tags[0].key", "owner").inner());
        assertEquals(1, list(api, "listTags", "tag", "resourceid", vmId).size());
        job(api, api.call("deleteTags", "resourcetype", "UserVm", "resourceids", vmId).inner());
        assertEquals(0, list(api, "listTags", "tag", "resourceid", vmId).size());
        assertTrue(hasEvent(alice, "DELETE_TAGS"));
    }

    @Test
    public void anotherTenantSeesNothingAndGetsTheUnknownIdError() {
        NativeClient api = alice.api();
        String volumeId = job(api, api.call("createVolume", "name", "private", "zoneid", zone, "diskofferingid",
                smallDisk).inner()).getAsJsonObject("volume").get("id").getAsString();
        String ipId = job(api, api.call("associateIpAddress", "zoneid", zone).inner()).getAsJsonObject("ipaddress")
                .get("id").getAsString();
        job(api, api.call("createTags", "resourcetype", "Volume", "resourceids", volumeId, "tags[0].key", "secret",
                "tags[0].value", "yes").inner());

        NativeClient other = bob.api();
        assertFalse(ids(list(other, "listVolumes", "volume", "listall", "true")).contains(volumeId));
        assertEquals(0, list(other, "listVolumes", "volume").size());
        assertEquals(0, list(other, "listPublicIpAddresses", "publicipaddress", "listall", "true").size());
        assertEquals(0, list(other, "listTags", "tag", "listall", "true").size());
        assertEquals(0, list(other, "listTags", "tag", "key", "secret").size());
        assertEquals(0, list(other, "listVirtualMachines", "virtualmachine").size());

        assertLikeUnknown(other, "listVolumes", "id", volumeId);
        assertLikeUnknown(other, "attachVolume", "id", volumeId, "virtualmachineid", vmId);
        assertLikeUnknown(other, "detachVolume", "id", volumeId);
        assertLikeUnknown(other, "resizeVolume", "id", volumeId, "size", "50");
        assertLikeUnknown(other, "deleteVolume", "id", volumeId);
        assertLikeUnknown(other, "listVolumes", "virtualmachineid", vmId);
        assertLikeUnknown(other, "listPublicIpAddresses", "id", ipId);
        assertLikeUnknown(other, "disassociateIpAddress", "id", ipId);
        assertLikeUnknown(other, "disableStaticNat", "ipaddressid", ipId);
        assertLikeUnknown(other, "enableStaticNat", "ipaddressid", ipId, "virtualmachineid", vmId);
        assertLikeUnknown(other, "createTags", "resourceids", volumeId, "resourcetype", "Volume", "tags[0].key", "x",
                "tags[0].value", "y");
        assertLikeUnknown(other, "deleteTags", "resourceids", volumeId, "resourcetype", "Volume");
        assertLikeUnknown(other, "createTags", "resourceids", vmId, "resourcetype", "UserVm", "tags[0].key", "x",
                "tags[0].value", "y");

        // bob's own address cannot be NATed to alice's VM either: her VM is unknown to him
        String bobIp = job(other, other.call("associateIpAddress", "zoneid", zone).inner()).getAsJsonObject("ipaddress")
                .get("id").getAsString();
        assertLikeUnknown(other, "enableStaticNat", "virtualmachineid", vmId, "ipaddressid", bobIp);

        assertEquals("alice's things are untouched", "yes", list(api, "listTags", "tag", "resourceid", volumeId)
                .get(0).getAsJsonObject().get("value").getAsString());
        assertEquals(List.of(ipId), ids(list(api, "listPublicIpAddresses", "publicipaddress", "id", ipId)));
        job(api, api.call("disassociateIpAddress", "id", ipId).inner());
        job(other, other.call("disassociateIpAddress", "id", bobIp).inner());
        assertEquals(200, api.call("deleteVolume", "id", volumeId).status());
        assertEquals("a deleted volume's tags go with it", 0, list(api, "listTags", "tag", "resourceid", volumeId)
                .size());
    }

    @Test
    public void addressLimitFailsTheJobWith535() {
        Tenant carol = tenant("carol");
        NativeClient api = carol.api();
        NativeClient.Reply limit = SERVER.admin().call("updateResourceLimit", "account", carol.name(), "domainid",
                rootDomain, "resourcetype", "1", "max", "1");
        assertEquals(limit.body(), 200, limit.status());
        job(api, api.call("associateIpAddress", "zoneid", zone).inner());
        assertEquals(535, failedJob(api, api.call("associateIpAddress", "zoneid", zone).inner()));
        assertEquals("the refused job took nothing", 1, list(api, "listPublicIpAddresses", "publicipaddress").size());
        assertEquals(1, counter(carol, ResourceType.PUBLIC_IP));
    }
}
