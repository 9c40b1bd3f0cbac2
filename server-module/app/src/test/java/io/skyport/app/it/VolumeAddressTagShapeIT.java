package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

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
 * Volume, address and tag responses against CloudStack 4.20's: the same keys both ways and the
 * same JSON types, with an allow-list only for keys that cannot exist in one of the two.
 */
public class VolumeAddressTagShapeIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static NativeClient tenant;
    private static String zone;
    private static String vmId;

    @BeforeClass
    public static void setUp() {
        zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        String offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow()
                .uuid();
        String template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null,
                null).get(0).uuid();
        tenant = SERVER.tenant("shape" + System.nanoTime());
        vmId = job(tenant.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                template, "name", "shape-vm").inner()).getAsJsonObject("virtualmachine").get("id").getAsString();
    }


    private static JsonObject job(JsonObject submit) {
        assertNotNull(submit.toString(), submit.get("jobid"));
        JsonObject done = tenant.awaitJob(submit.get("jobid").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        return done.getAsJsonObject("jobresult");
    }

    private static void assertShape(String capture, JsonObject actual, Set<String> allowed) {
        JsonObject reference = JsonShape.capture(capture).getAsJsonObject("body");
        List<String> diff = JsonShape.differences(reference, actual, allowed);
        assertEquals(capture + " differs: " + diff + "\nactual: " + actual, List.of(), diff);
    }

    @Test
    public void volumeListings() {
        // the capture lists ROOT volumes of running VMs: compare the same kind
        assertShape("listVolumes.json", tenant.call("listVolumes", "virtualmachineid", vmId, "type", "ROOT").json(),
                Set.of());
        assertShape("empty.listVolumes.json", tenant.call("listVolumes", "name", "no-such-volume").json(), Set.of());
    }

    @Test
    public void attachedDataVolumeHasTheRootVolumesShapeLessWhatOnlyRootHas() {
        String disk = SERVER.admin().call("listDiskOfferings", "name", "Small").inner().getAsJsonArray("diskoffering")
                .get(0).getAsJsonObject().get("id").getAsString();
        String id = job(tenant.call("createVolume", "name", "shape-data", "zoneid", zone, "diskofferingid", disk)
                .inner()).getAsJsonObject("volume").get("id").getAsString();
        job(tenant.call("attachVolume", "id", id, "virtualmachineid", vmId).inner());
        String rows = "$.listvolumesresponse.volume[].";
        assertShape("listVolumes.json", tenant.call("listVolumes", "id", id).json(), Set.of(
                // a data volume comes from a disk offering, not from the VM's service offering and template
                rows + "serviceofferingid", rows + "serviceofferingname", rows + "serviceofferingdisplaytext",
                rows + "templateid", rows + "templatename", rows + "templatedisplaytext",
                rows + "diskofferingid", rows + "diskofferingname"));
    }

    @Test
    public void addressListing() {
        String ipId = job(tenant.call("associateIpAddress", "zoneid", zone).inner()).getAsJsonObject("ipaddress")
                .get("id").getAsString();
        assertShape("listPublicIpAddresses.json", tenant.call("listPublicIpAddresses", "id", ipId).json(), Set.of());
        assertEquals(200, tenant.call("enableStaticNat", "ipaddressid", ipId, "virtualmachineid", vmId).status());
        String rows = "$.listpublicipaddressesresponse.publicipaddress[].";
        assertShape("listPublicIpAddresses.json", tenant.call("listPublicIpAddresses", "isstaticnat", "true").json(),
                Set.of(
                        // only a static-NAT address names its VM; the captured one had no static NAT
                        rows + "virtualmachineid", rows + "virtualmachinename", rows + "virtualmachinedisplayname"));
    }

    @Test
    public void tagSubmitAndListings() {
        assertShape("listTags.json", tenant.call("listTags", "key", "nothing-has-this").json(), Set.of());
        JsonObject submit = tenant.call("createTags", "resourcetype", "UserVm", "resourceids", vmId, "tags[0].key",
                "role", "tags[0].value", "golden").json();
        assertShape("createTags.submit.json", submit, Set.of());
        job(submit.getAsJsonObject("createtagsresponse"));
        assertShape("listTags.one.json", tenant.call("listTags", "resourceid", vmId, "key", "role").json(), Set.of());
    }
}
