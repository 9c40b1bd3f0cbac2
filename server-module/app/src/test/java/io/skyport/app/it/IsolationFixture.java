package io.skyport.app.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Account A's resources for the isolation matrix, one of every type made through each API, and
 * how each API names them (A's own listings): the targets of B's calls. Also B's own VM and
 * volume (for calls that pair A's resource with one of B's) and a VM in the second domain.
 */
final class IsolationFixture {
    /** Tables a refused call may write without touching A's rows: logs, and ids minted on first view. */
    static final Set<String> EXCLUDED = Set.of("mshost", "async_job", "events");
    static final Set<String> APPEND_ONLY = Set.of("external_ids");

    private final TestServer server;
    private final NativeClient a;
    private final GceClient aGce;
    private final Map<String, List<String>> targets = new LinkedHashMap<>();
    private final DbDigest digest;
    String zone;
    String offering;
    String template;
    String zoneName;
    String machineType;
    String publicImage;
    String regionName;
    String bVm;
    String bVolume;
    String bEc2Instance;
    String bEc2Volume;
    String bGceDisk = "b-disk";
    String bGceInstance = "b-vm";
    private String aDomain;
    private String aAccount;
    private String otherDomainVm;

    private IsolationFixture(TestServer server, NativeClient a, GceClient aGce) {
        this.server = server;
        this.a = a;
        this.aGce = aGce;
        this.digest = new DbDigest(server.server().coreBean(DataSource.class), EXCLUDED, APPEND_ONLY);
    }

    static IsolationFixture build(TestServer server, NativeClient a, GceClient aGce, NativeClient b, GceClient bGce,
                                  NativeClient otherDomainUser) throws Exception {
        IsolationFixture f = new IsolationFixture(server, a, aGce);
        f.make(b, bGce, otherDomainUser);
        f.collect();
        return f;
    }

    private static JsonObject job(NativeClient c, NativeClient.Reply submit) {
        if (submit.status() != 200 || !submit.inner().has("jobid")) {
            throw new AssertionError(submit.body());
        }
        JsonObject done = c.awaitJob(submit.inner().get("jobid").getAsString());
        if (done.get("jobstatus").getAsInt() != 1) {
            throw new AssertionError(done.toString());
        }
        return done.getAsJsonObject("jobresult");
    }

    Ec2Raw.Reply ec2(NativeClient who, String action, String... kv) {
        try {
            return Ec2Raw.post(server, who.apiKey(), who.secret(), Ec2Sdk.REGION, Ec2Raw.action(action, kv));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        if (!m.find()) {
            throw new AssertionError("no " + element + " in " + xml);
        }
        return m.group(1);
    }

    private static List<String> all(String xml, String element) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private void make(NativeClient b, GceClient bGce, NativeClient otherDomainUser) {
        zone = server.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        offering = server.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow()
                .uuid();
        template = server.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null,
                null).get(0).uuid();
        String disk = server.admin().call("listDiskOfferings", "name", "Small").inner().getAsJsonArray("diskoffering")
                .get(0).getAsJsonObject().get("id").getAsString();
        JsonObject accountView = a.call("listAccounts").inner().getAsJsonArray("account").get(0).getAsJsonObject();
        aDomain = accountView.get("domainid").getAsString();
        aAccount = accountView.get("name").getAsString();

        // native
        String sg = a.call("createSecurityGroup", "name", "a-native-sg").inner().getAsJsonObject("securitygroup")
                .get("id").getAsString();
        job(a, a.call("authorizeSecurityGroupIngress", "securitygroupid", sg, "protocol", "tcp", "startport", "22",
                "endport", "22", "cidrlist", "198.18.0.0/15"));
        a.call("createSSHKeyPair", "name", "a-native-kp");
        String vm = job(a, a.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                template, "name", "a-native-vm", "securitygroupids", sg, "keypair", "a-native-kp"))
                .getAsJsonObject("virtualmachine").get("id").getAsString();
        job(a, a.call("createTags", "resourcetype", "UserVm", "resourceids", vm, "tags[0].key", "role",
                "tags[0].value", "db"));
        String vol = job(a, a.call("createVolume", "name", "a-native-vol", "zoneid", zone, "diskofferingid", disk))
                .getAsJsonObject("volume").get("id").getAsString();
        job(a, a.call("attachVolume", "id", vol, "virtualmachineid", vm));
        job(a, a.call("createVolume", "name", "a-native-vol2", "zoneid", zone, "diskofferingid", disk));
        String ip = job(a, a.call("associateIpAddress", "zoneid", zone)).getAsJsonObject("ipaddress").get("id")
                .getAsString();
        if (a.call("enableStaticNat", "ipaddressid", ip, "virtualmachineid", vm).status() != 200) {
            throw new AssertionError("enableStaticNat");
        }
        job(a, a.call("associateIpAddress", "zoneid", zone));
        NativeClient.Reply tpl = a.call("registerTemplate", "name", "a-native-tpl", "displaytext", "A's template",
                "url", "http://images.invalid/a.qcow2", "format", "QCOW2", "hypervisor", "Simulator", "zoneids", "-1");
        if (tpl.status() != 200) {
            throw new AssertionError(tpl.body());
        }

        // EC2
        String image = first(ec2(a, "DescribeImages", "Owner.1", "amazon").body(), "imageId");
        publicImage = image;
        String ec2Zone = first(ec2(a, "DescribeAvailabilityZones").body(), "zoneName");
        Ec2Raw.Reply run = ec2(a, "RunInstances", "ImageId", image, "InstanceType", "small-instance", "MinCount", "1",
                "MaxCount", "1", "TagSpecification.1.ResourceType", "instance", "TagSpecification.1.Tag.1.Key", "Name",
                "TagSpecification.1.Tag.1.Value", "a-ec2-vm");
        String instance = first(run.body(), "instanceId");
        ec2ok(ec2(a, "CreateTags", "ResourceId.1", instance, "Tag.1.Key", "env", "Tag.1.Value", "prod"));
        ec2ok(ec2(a, "CreateVolume", "AvailabilityZone", ec2Zone, "Size", "1"));
        ec2ok(ec2(a, "CreateSecurityGroup", "GroupName", "a-ec2-sg", "GroupDescription", "A's group"));
        ec2ok(ec2(a, "CreateKeyPair", "KeyName", "a-ec2-kp"));
        ec2ok(ec2(a, "AllocateAddress", "Domain", "vpc"));
        ec2ok(ec2(a, "RegisterImage", "Name", "a-ec2-img", "ImageLocation", "busybox:latest"));

        // GCE
        zoneName = aGce.ok("GET", "zones", null).getAsJsonArray("items").get(0).getAsJsonObject().get("name")
                .getAsString();
        regionName = aGce.ok("GET", "regions", null).getAsJsonArray("items").get(0).getAsJsonObject().get("name")
                .getAsString();
        machineType = "zones/" + zoneName + "/machineTypes/" + aGce.ok("GET", "zones/" + zoneName
                + "/machineTypes", null).getAsJsonArray("items").get(0).getAsJsonObject().get("name").getAsString();
        String sourceImage = aGce.ok("GET", "global/images", null).getAsJsonArray("items").get(0).getAsJsonObject()
                .get("selfLink").getAsString();
        aGce.await(aGce.ok("POST", "zones/" + zoneName + "/instances", instanceBody("a-gce-vm", machineType,
                sourceImage)));
        aGce.await(aGce.ok("POST", "zones/" + zoneName + "/disks", "{\"name\":\"a-gce-disk\",\"sizeGb\":\"2\"}"));
        aGce.await(aGce.ok("POST", "global/firewalls", "{\"name\":\"a-gce-fw\",\"allowed\":[{\"IPProtocol\":\"tcp\","
                + "\"ports\":[\"80\"]}],\"sourceRanges\":[\"198.18.0.0/15\"]}"));
        aGce.await(aGce.ok("POST", "regions/" + regionName + "/addresses", "{\"name\":\"a-gce-addr\"}"));

        // B's own VM and volumes, for calls pairing A's resource with B's
        bVm = job(b, b.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering, "templateid",
                template, "name", "b-vm")).getAsJsonObject("virtualmachine").get("id").getAsString();
        bVolume = job(b, b.call("createVolume", "name", "b-disk", "zoneid", zone, "diskofferingid", disk))
                .getAsJsonObject("volume").get("id").getAsString();
        bEc2Instance = first(ec2(b, "DescribeInstances").body(), "instanceId");
        bEc2Volume = first(ec2(b, "DescribeVolumes", "Filter.1.Name", "status", "Filter.1.Value.1", "available")
                .body(), "volumeId");
        otherDomainVm = job(otherDomainUser, otherDomainUser.call("deployVirtualMachine", "zoneid", zone,
                "serviceofferingid", offering, "templateid", template, "name", "c-vm"))
                .getAsJsonObject("virtualmachine").get("id").getAsString();
        waitForJobs();
    }

    private static void ec2ok(Ec2Raw.Reply r) {
        if (r.status() != 200) {
            throw new AssertionError(r.body());
        }
    }

    static String instanceBody(String name, String machineType, String image) {
        return "{\"name\":\"" + name + "\",\"machineType\":\"" + machineType + "\",\"disks\":[{\"boot\":true,"
                + "\"initializeParams\":{\"sourceImage\":\"" + image + "\"}}],\"networkInterfaces\":[{\"network\":"
                + "\"global/networks/default\"}]}";
    }

    /** What each API shows A of its own resources: the targets of B's calls. */
    private void collect() {
        put("native", "vm", ids(a.call("listVirtualMachines").inner(), "virtualmachine", "id"));
        put("native", "volume", ids(a.call("listVolumes").inner(), "volume", "id"));
        put("native", "securitygroup", ids(a.call("listSecurityGroups").inner(), "securitygroup", "id"));
        put("native", "sshkeypair", ids(a.call("listSSHKeyPairs").inner(), "sshkeypair", "name"));
        put("native", "publicip", ids(a.call("listPublicIpAddresses").inner(), "publicipaddress", "id"));
        put("native", "template", ids(a.call("listTemplates", "templatefilter", "self").inner(), "template", "id"));
        put("native", "tag", ids(a.call("listTags").inner(), "tag", "resourceid"));
        put("native", "securityrule", rules());
        put("native", "account", List.of(aAccount));
        put("native", "job", ids(a.call("listAsyncJobs").inner(), "asyncjobs", "jobid"));
        put("ec2", "instance", all(ec2(a, "DescribeInstances").body(), "instanceId"));
        put("ec2", "volume", all(ec2(a, "DescribeVolumes").body(), "volumeId"));
        put("ec2", "securitygroup", all(ec2(a, "DescribeSecurityGroups").body(), "groupId"));
        put("ec2", "keypair", all(ec2(a, "DescribeKeyPairs").body(), "keyName"));
        put("ec2", "address", all(ec2(a, "DescribeAddresses").body(), "allocationId"));
        put("ec2", "image", all(ec2(a, "DescribeImages", "Owner.1", "self").body(), "imageId"));
        put("ec2", "tag", all(ec2(a, "DescribeTags").body(), "resourceId"));
        put("gce", "instance", names(aGce.ok("GET", "zones/" + zoneName + "/instances", null)));
        put("gce", "disk", names(aGce.ok("GET", "zones/" + zoneName + "/disks", null)));
        put("gce", "firewall", names(aGce.ok("GET", "global/firewalls", null)));
        put("gce", "address", names(aGce.ok("GET", "regions/" + regionName + "/addresses", null)));
        put("gce", "image", names(aGce.ok("GET", "global/images?filter=" + java.net.URLEncoder.encode(
                "name != \"\"", java.nio.charset.StandardCharsets.UTF_8), null)).stream()
                .filter(n -> n.startsWith("a-")).toList());
        put("gce", "project", List.of(aGce.project()));
        List<String> ops = new ArrayList<>(names(aGce.ok("GET", "zones/" + zoneName + "/operations", null)));
        put("gce", "zoneoperation", ops);
        put("gce", "globaloperation", names(aGce.ok("GET", "global/operations", null)));
        put("gce", "regionoperation", names(aGce.ok("GET", "regions/" + regionName + "/operations", null)));
    }

    private List<String> rules() {
        List<String> out = new ArrayList<>();
        for (JsonElement g : a.call("listSecurityGroups").inner().getAsJsonArray("securitygroup")) {
            JsonObject o = g.getAsJsonObject();
            if (o.has("ingressrule")) {
                for (JsonElement r : o.getAsJsonArray("ingressrule")) {
                    out.add(r.getAsJsonObject().get("ruleid").getAsString());
                }
            }
        }
        return out;
    }

    private void put(String api, String type, List<String> ids) {
        targets.put(api + ":" + type, ids);
    }

    private static List<String> ids(JsonObject list, String member, String field) {
        List<String> out = new ArrayList<>();
        if (list.has(member)) {
            for (JsonElement e : list.getAsJsonArray(member)) {
                String v = e.getAsJsonObject().get(field).getAsString();
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static List<String> names(JsonObject list) {
        List<String> out = new ArrayList<>();
        if (list.has("items")) {
            for (JsonElement e : list.getAsJsonArray("items")) {
                out.add(e.getAsJsonObject().get("name").getAsString());
            }
        }
        return out;
    }

    List<String> targets(String api, String type) {
        return targets.getOrDefault(api + ":" + type, List.of());
    }

    /** Every id and name A's resources have in any API (the public template excluded: not A's). */
    Set<String> allIdsOfA() {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : targets.entrySet()) {
            if (!e.getKey().startsWith("gce:") || e.getKey().equals("gce:instance") || e.getKey().equals("gce:disk")
                    || e.getKey().equals("gce:firewall") || e.getKey().equals("gce:address")) {
                out.addAll(e.getValue());
            }
        }
        // names B could also have: its own "default" group and common GCE names are not A's
        out.removeIf(s -> s.equals("default") || s.length() < 6);
        return out;
    }

    /** An id of that type, in the form of {@code like} (an EC2 id keeps its prefix), that no resource has. */
    String fakeId(String api, String type, String like) {
        String hex = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 17);
        return switch (api + ":" + type) {
            case "ec2:tag" -> like.substring(0, like.indexOf('-') + 1) + hex;
            case "ec2:instance" -> "i-" + hex;
            case "ec2:volume" -> "vol-" + hex;
            case "ec2:securitygroup" -> "sg-" + hex;
            case "ec2:address" -> "eipalloc-" + hex;
            case "ec2:image" -> "ami-" + hex;
            case "ec2:keypair", "native:sshkeypair" -> "nokey-" + hex;
            case "native:account" -> "noaccount" + hex;
            default -> api.equals("native") ? UUID.randomUUID().toString()
                    : "nx-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        };
    }

    Map<String, String> digest() {
        waitForJobs();
        return digest.take();
    }

    private void waitForJobs() {
        DataSource ds = server.server().coreBean(DataSource.class);
        for (int i = 0; i < 600; i++) {
            try (var c = ds.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM async_job WHERE status = 0")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    String projectOfA() {
        return aGce.project();
    }

    String domainOfA() {
        return aDomain;
    }

    String accountNameOfA() {
        return aAccount;
    }

    String vmOfOtherDomainUser() {
        return otherDomainVm;
    }
}
