package io.skyport.app.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.core.infra.ZoneDao;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the fuzz generators draw on: a tenant with native keys and a GCE token, an admin, the
 * three APIs' catalogs as the server publishes them, and real ids (so that some requests get
 * past "not found" into the code behind it).
 */
final class FuzzContext {
    /** A native command as listApis describes it. */
    record NativeApi(String name, List<String[]> params) {
    }

    /** A GCE method as the discovery document describes it. */
    record GceMethod(String id, String verb, String path, Map<String, String> queryParams, boolean hasBody) {
    }

    final TestServer server;
    final NativeClient tenant;
    final NativeClient admin;
    final GceClient gce;
    final List<NativeApi> nativeApis = new ArrayList<>();
    final List<String> ec2Actions = new ArrayList<>();
    final List<GceMethod> gceMethods = new ArrayList<>();
    final List<String> ids = new ArrayList<>();
    final List<String> ec2Ids = new ArrayList<>();
    final List<String> gceNames = new ArrayList<>();
    String zoneName;
    String regionName;

    private FuzzContext(TestServer server) {
        this.server = server;
        this.admin = server.admin();
        this.tenant = server.tenant("fuzz" + System.nanoTime());
        this.gce = new GceClient(server.baseUrl(), GceClient.keyFile(tenant));
    }

    static FuzzContext create(TestServer server) throws Exception {
        FuzzContext c = new FuzzContext(server);
        c.catalogs();
        c.resources();
        return c;
    }

    List<String> ids() {
        return ids;
    }

    int port() {
        return Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    private void catalogs() {
        JsonArray apis = admin.call("listApis").inner().getAsJsonArray("api");
        for (JsonElement e : apis) {
            JsonObject api = e.getAsJsonObject();
            List<String[]> params = new ArrayList<>();
            if (api.has("params")) {
                for (JsonElement p : api.getAsJsonArray("params")) {
                    JsonObject o = p.getAsJsonObject();
                    params.add(new String[] {o.get("name").getAsString(), o.get("type").getAsString()});
                }
            }
            nativeApis.add(new NativeApi(api.get("name").getAsString(), params));
        }
        for (CommandDescriptor d : server.server().coreBean(CommandCatalog.class).list("ec2")) {
            ec2Actions.add(d.name());
        }
        GceClient.Reply doc = gce.callWith(null, "GET", "/discovery/v1/apis/compute/v1/rest", null);
        JsonObject resources = JsonParser.parseString(doc.body()).getAsJsonObject().getAsJsonObject("resources");
        for (String resource : resources.keySet()) {
            JsonObject methods = resources.getAsJsonObject(resource).getAsJsonObject("methods");
            for (String name : methods.keySet()) {
                JsonObject m = methods.getAsJsonObject(name);
                Map<String, String> query = new java.util.LinkedHashMap<>();
                if (m.has("parameters")) {
                    JsonObject ps = m.getAsJsonObject("parameters");
                    for (String p : ps.keySet()) {
                        if ("query".equals(ps.getAsJsonObject(p).get("location").getAsString())) {
                            query.put(p, ps.getAsJsonObject(p).get("type").getAsString());
                        }
                    }
                }
                gceMethods.add(new GceMethod(m.get("id").getAsString(), m.get("httpMethod").getAsString(),
                        m.get("path").getAsString(), query, m.has("request")));
            }
        }
        if (nativeApis.size() < 50 || ec2Actions.size() < 30 || gceMethods.size() < 40) {
            throw new AssertionError("catalogs too small: " + nativeApis.size() + " native, " + ec2Actions.size()
                    + " EC2, " + gceMethods.size() + " GCE");
        }
        System.out.println("fuzz catalogs: " + nativeApis.size() + " native commands, " + ec2Actions.size()
                + " EC2 actions, " + gceMethods.size() + " GCE methods");
    }

    /** A VM, security group, key pair, volume and address of the tenant, and the catalog's ids. */
    private void resources() throws Exception {
        String zone = server.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        String offering = server.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow()
                .uuid();
        String template = server.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null,
                null).get(0).uuid();
        ids.addAll(List.of(zone, offering, template));
        String sg = tenant.call("createSecurityGroup", "name", "fuzzgroup").inner().getAsJsonObject("securitygroup")
                .get("id").getAsString();
        ids.add(sg);
        tenant.call("createSSHKeyPair", "name", "fuzzkey");
        JsonObject vm = tenant.awaitJob(tenant.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid",
                offering, "templateid", template, "name", "fuzzvm", "securitygroupids", sg).inner().get("jobid")
                .getAsString()).getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
        ids.add(vm.get("id").getAsString());
        String disk = admin.call("listDiskOfferings").inner().getAsJsonArray("diskoffering").get(0).getAsJsonObject()
                .get("id").getAsString();
        ids.add(disk);
        JsonObject volume = tenant.awaitJob(tenant.call("createVolume", "name", "fuzzvol", "zoneid", zone,
                "diskofferingid", disk).inner().get("jobid").getAsString()).getAsJsonObject("jobresult")
                .getAsJsonObject("volume");
        ids.add(volume.get("id").getAsString());
        JsonObject ip = tenant.awaitJob(tenant.call("associateIpAddress", "zoneid", zone).inner().get("jobid")
                .getAsString()).getAsJsonObject("jobresult").getAsJsonObject("ipaddress");
        ids.add(ip.get("id").getAsString());
        // the EC2 ids of the same resources
        for (String action : List.of("DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes",
                "DescribeAddresses", "DescribeImages", "DescribeKeyPairs")) {
            Ec2Raw.Reply r = Ec2Raw.post(server, tenant.apiKey(), tenant.secret(), Ec2Sdk.REGION, Ec2Raw.action(action));
            Matcher m = Pattern.compile(">((?:i|sg|vol|eipalloc|ami|key)-[0-9a-f]+)<").matcher(r.body());
            while (m.find()) {
                if (!ec2Ids.contains(m.group(1))) {
                    ec2Ids.add(m.group(1));
                }
            }
        }
        JsonObject zones = gce.ok("GET", "zones", null);
        zoneName = zones.getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
        JsonObject regions = gce.ok("GET", "regions", null);
        regionName = regions.getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
        gceNames.addAll(List.of("fuzzvm", "fuzzvol", "fuzzgroup", "default", zoneName, regionName));
        settle();
    }

    /** A signed EC2 call of the fuzz tenant. */
    Ec2Raw.Reply ec2(String action, String... kv) throws Exception {
        return Ec2Raw.post(server, tenant.apiKey(), tenant.secret(), Ec2Sdk.REGION, Ec2Raw.action(action, kv));
    }

    /** Waits until no job is pending, so that the database is still between requests. */
    void settle() {
        DataSource ds = server.server().coreBean(DataSource.class);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM async_job WHERE status = 0")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    Thread.sleep(20);
                    return;
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("jobs still pending after a minute");
    }
}
