package io.skyport.app.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.core.keypair.SshKeys;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster through the native (CloudStack) API: a security group whose internal rules name the
 * group itself as their source, {@code registerSSHKeyPair}, {@code deployVirtualMachine} with the
 * base64 userdata, the group and the key pair, then {@code createTags} on the VM (CloudStack's
 * deploy takes no tags). Listing filters {@code listVirtualMachines} by the cluster tag.
 */
final class NativeClusterApi implements ClusterApi {
    /** 431: CloudStack's "parameter error / not found" status, which a missing group or key answers. */
    private static final int NOT_FOUND = 431;
    private static final int PAGE = 500;

    private final NativeCalls api;
    /**
     * Deploy jobs by node name: a VM is listed as Stopped from its creation until its deploy job
     * starts it, so a Stopped node whose deploy is still pending has not failed.
     */
    private final Map<String, String> deployJobs = new HashMap<>();
    private String zoneId;
    private String offeringId;
    private String templateId;
    private String keypair;

    NativeClusterApi(Credentials credentials) {
        this(new NativeCalls(HttpClient.newHttpClient(), credentials));
    }

    NativeClusterApi(NativeCalls api) {
        this.api = api;
    }

    @Override
    public void prepare(ClusterSpec spec) {
        zoneId = id(Names.pick("zone", spec.zone(), list("listZones", "zone", "available", "true"),
                NativeClusterApi::id, o -> str(o, "name")));
        offeringId = id(Names.pick("service offering", spec.offering(), list("listServiceOfferings",
                "serviceoffering"), NativeClusterApi::id, o -> str(o, "name")));
        templateId = id(Names.pick("template", spec.template(), list("listTemplates", "template", "templatefilter",
                "executable", "zoneid", zoneId), NativeClusterApi::id, o -> str(o, "name")));
        String group = ClusterSpec.groupName(spec.name());
        if (list("listSecurityGroups", "securitygroup", "securitygroupname", group).isEmpty()) {
            api.call("createSecurityGroup", "name", group, "description", "Skyport cluster " + spec.name());
            for (ClusterPorts.Rule r : ClusterPorts.INTERNAL) {
                api.awaitJob(job(api.call("authorizeSecurityGroupIngress", "securitygroupname", group, "protocol",
                        r.protocol(), "startport", Integer.toString(r.from()), "endport", Integer.toString(r.to()),
                        "usersecuritygrouplist[0].group", group)));
            }
            ClusterPorts.Rule ssh = ClusterPorts.SSH;
            api.awaitJob(job(api.call("authorizeSecurityGroupIngress", "securitygroupname", group, "protocol",
                    ssh.protocol(), "startport", Integer.toString(ssh.from()), "endport", Integer.toString(ssh.to()),
                    "cidrlist", spec.sshCidr())));
        }
        keypair = spec.keypair();
        if (spec.publicKey() != null) {
            // an account holds a public key once: a key already registered (e.g. for another
            // cluster) is used under its name, and stays when this cluster is deleted
            String fingerprint = SshKeys.fingerprint(spec.publicKey());
            keypair = list("listSSHKeyPairs", "sshkeypair").stream()
                    .filter(k -> fingerprint.equals(str(k, "fingerprint"))).map(k -> str(k, "name")).findFirst()
                    .orElse(null);
            if (keypair == null) {
                api.call("registerSSHKeyPair", "name", group, "publickey", spec.publicKey());
                keypair = group;
            }
        }
    }

    @Override
    public void launch(ClusterSpec spec, ClusterNode node, String userData) {
        List<String> kv = new ArrayList<>(List.of("zoneid", zoneId, "serviceofferingid", offeringId, "templateid",
                templateId, "name", node.name(), "displayname", node.name(), "securitygroupnames",
                ClusterSpec.groupName(spec.name()), "userdata",
                Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8))));
        if (keypair != null) {
            kv.addAll(List.of("keypair", keypair));
        }
        JsonObject deployed = api.call("deployVirtualMachine", kv.toArray(String[]::new));
        deployJobs.put(node.name(), str(deployed, "jobid"));
        // tagged while the deploy job runs, so listing finds the node from its first state on
        api.call("createTags", "resourcetype", "UserVm", "resourceids", str(deployed, "id"), "tags[0].key",
                CLUSTER_TAG, "tags[0].value", spec.name(), "tags[1].key", ROLE_TAG, "tags[1].value", node.role().label());
    }

    @Override
    public List<NodeStatus> nodes(String cluster) {
        List<String> kv = new ArrayList<>(List.of("listall", "true"));
        if (cluster != null) {
            kv.addAll(List.of("tags[0].key", CLUSTER_TAG, "tags[0].value", cluster));
        }
        List<NodeStatus> out = new ArrayList<>();
        for (JsonObject vm : paged("listVirtualMachines", "virtualmachine", kv)) {
            Map<String, String> tags = tags(vm);
            String owner = tags.get(CLUSTER_TAG);
            if (owner == null || (cluster != null && !cluster.equals(owner))) {
                continue;
            }
            JsonArray nics = vm.getAsJsonArray("nic");
            String address = nics == null || nics.isEmpty() ? "" : str(nics.get(0).getAsJsonObject(), "ipaddress");
            out.add(new NodeStatus(owner, str(vm, "name"), Role.ofLabel(tags.get(ROLE_TAG)), id(vm),
                    state(str(vm, "name"), str(vm, "state")), address));
        }
        return out;
    }

    @Override
    public void deleteNodes(List<NodeStatus> nodes) {
        for (NodeStatus n : nodes) {
            // a VM already gone answers 431: deleting twice is no error
            api.callTolerating(NOT_FOUND, "destroyVirtualMachine", "id", n.id(), "expunge", "true");
        }
    }

    @Override
    public void deleteShared(String cluster) {
        String group = ClusterSpec.groupName(cluster);
        if (!list("listSecurityGroups", "securitygroup", "securitygroupname", group).isEmpty()) {
            api.call("deleteSecurityGroup", "name", group);
        }
        if (!list("listSSHKeyPairs", "sshkeypair", "name", group).isEmpty()) {
            api.call("deleteSSHKeyPair", "name", group);
        }
    }

    @Override
    public List<String> rules(String cluster) {
        List<String> out = new ArrayList<>();
        for (JsonObject g : list("listSecurityGroups", "securitygroup", "securitygroupname",
                ClusterSpec.groupName(cluster))) {
            JsonArray ingress = g.getAsJsonArray("ingressrule");
            for (JsonElement e : ingress == null ? new JsonArray() : ingress) {
                JsonObject r = e.getAsJsonObject();
                String source = r.has("securitygroupname") ? "group " + str(r, "securitygroupname")
                        : str(r, "cidr");
                out.add(str(r, "protocol") + " " + str(r, "startport") + "-" + str(r, "endport") + " from " + source);
            }
        }
        return out;
    }

    private List<JsonObject> list(String command, String key, String... kv) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray items = api.call(command, kv).getAsJsonArray(key);
        if (items != null) {
            items.forEach(e -> out.add(e.getAsJsonObject()));
        }
        return out;
    }

    private List<JsonObject> paged(String command, String key, List<String> kv) {
        List<JsonObject> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> args = new ArrayList<>(kv);
            args.addAll(List.of("page", Integer.toString(page), "pagesize", Integer.toString(PAGE)));
            List<JsonObject> got = list(command, key, args.toArray(String[]::new));
            out.addAll(got);
            if (got.size() < PAGE) {
                return out;
            }
        }
    }

    private static Map<String, String> tags(JsonObject vm) {
        Map<String, String> out = new HashMap<>();
        JsonArray tags = vm.getAsJsonArray("tags");
        if (tags != null) {
            tags.forEach(t -> out.put(str(t.getAsJsonObject(), "key"), str(t.getAsJsonObject(), "value")));
        }
        return out;
    }

    private static String job(JsonObject submitted) {
        return str(submitted, "jobid");
    }

    private static String id(JsonObject o) {
        return str(o, "id");
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    /** The VM's state, or Deploying while its deploy job (of this run) has not finished. */
    private String state(String name, String listed) {
        String job = deployJobs.get(name);
        if (job == null || !"Stopped".equalsIgnoreCase(listed)) {
            return listed;
        }
        JsonObject answer = api.call("queryAsyncJobResult", "jobid", job);
        if (answer.get("jobstatus").getAsInt() == 0) {
            return "Deploying";
        }
        deployJobs.remove(name);
        // the job may have ended after the listing was read: the VM it left is the newer state
        JsonObject result = answer.has("jobresult") && answer.get("jobresult").isJsonObject()
                ? answer.getAsJsonObject("jobresult") : null;
        if (result != null && result.has("virtualmachine")) {
            return str(result.getAsJsonObject("virtualmachine"), "state");
        }
        return listed;
    }

}
