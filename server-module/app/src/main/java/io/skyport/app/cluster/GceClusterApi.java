package io.skyport.app.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.app.client.GceServiceAccount;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cluster through the GCE REST API: two firewall rules aimed at the cluster's network tag
 * (internal ports from {@code --internal-cidr}, SSH from {@code --ssh-cidr}), and one
 * {@code instances.insert} per node with labels for cluster and role, the tag, and metadata
 * {@code user-data} and {@code ssh-keys}. GCE has no key pair resource: the key goes in metadata.
 */
final class GceClusterApi implements ClusterApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int NOT_FOUND = 404;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Credentials credentials;
    private String project;
    private String token;
    private String zone;
    private String machineType;
    private String image;
    private String sshKey;

    GceClusterApi(Credentials credentials) {
        this.credentials = credentials;
        this.base = credentials.baseUrl();
    }

    @Override
    public void prepare(ClusterSpec spec) {
        if (spec.internalCidr() == null) {
            throw new ClusterException("--api gce needs --internal-cidr (the guest network's CIDR): its firewall "
                    + "rules take source ranges");
        }
        if (spec.keypair() != null) {
            throw new ClusterException("--api gce has no key pairs: give --public-key (it goes in ssh-keys metadata)");
        }
        zone = str(Names.pick("zone", spec.zone(), items(call("GET", "zones", null), "items"), z -> str(z, "name"),
                z -> str(z, "name")), "name");
        machineType = str(Names.pick("machine type", spec.offering(), items(call("GET", "zones/" + zone
                + "/machineTypes", null), "items"), m -> str(m, "name"), m -> str(m, "name")), "selfLink");
        image = str(Names.pick("image", spec.template(), items(call("GET", "global/images", null), "items"),
                i -> str(i, "name"), i -> str(i, "name")), "selfLink");
        String tag = ClusterSpec.groupName(spec.name());
        JsonArray internal = new JsonArray();
        for (ClusterPorts.Rule r : ClusterPorts.INTERNAL) {
            internal.add(allowed(r));
        }
        JsonArray ssh = new JsonArray();
        ssh.add(allowed(ClusterPorts.SSH));
        ensureFirewall(tag, internal, spec.internalCidr(), tag);
        ensureFirewall(tag + "-ssh", ssh, spec.sshCidr(), tag);
        sshKey = spec.publicKey() == null ? null : "cluster:" + spec.publicKey();
    }

    @Override
    public void launch(ClusterSpec spec, ClusterNode node, String userData) {
        JsonObject body = new JsonObject();
        body.addProperty("name", node.name());
        body.addProperty("machineType", machineType);
        JsonObject disk = new JsonObject();
        disk.addProperty("boot", true);
        JsonObject init = new JsonObject();
        init.addProperty("sourceImage", image);
        disk.add("initializeParams", init);
        JsonArray disks = new JsonArray();
        disks.add(disk);
        body.add("disks", disks);
        JsonObject nic = new JsonObject();
        nic.addProperty("network", "global/networks/default");
        JsonArray nics = new JsonArray();
        nics.add(nic);
        body.add("networkInterfaces", nics);
        JsonObject labels = new JsonObject();
        labels.addProperty(CLUSTER_TAG, spec.name());
        labels.addProperty(ROLE_TAG, node.role().label());
        body.add("labels", labels);
        JsonObject tags = new JsonObject();
        JsonArray tagItems = new JsonArray();
        tagItems.add(ClusterSpec.groupName(spec.name()));
        tags.add("items", tagItems);
        body.add("tags", tags);
        JsonArray metadata = new JsonArray();
        metadata.add(entry("user-data", userData));
        if (sshKey != null) {
            metadata.add(entry("ssh-keys", sshKey));
        }
        JsonObject md = new JsonObject();
        md.add("items", metadata);
        body.add("metadata", md);
        call("POST", "zones/" + zone + "/instances", body);
    }

    @Override
    public List<NodeStatus> nodes(String cluster) {
        List<NodeStatus> out = new ArrayList<>();
        String pageToken = null;
        do {
            JsonObject answer = call("GET", "aggregated/instances" + (pageToken == null ? ""
                    : "?pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8)), null);
            JsonObject scopes = answer.getAsJsonObject("items");
            for (String scope : scopes == null ? List.<String>of() : scopes.keySet()) {
                for (JsonObject i : items(scopes.getAsJsonObject(scope), "instances")) {
                    Map<String, String> labels = new HashMap<>();
                    JsonObject l = i.getAsJsonObject("labels");
                    if (l != null) {
                        l.entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
                    }
                    String owner = labels.get(CLUSTER_TAG);
                    if (owner == null || (cluster != null && !cluster.equals(owner))) {
                        continue;
                    }
                    List<JsonObject> interfaces = items(i, "networkInterfaces");
                    out.add(new NodeStatus(owner, str(i, "name"), Role.ofLabel(labels.get(ROLE_TAG)),
                            str(i, "selfLink"), str(i, "status"),
                            interfaces.isEmpty() ? "" : str(interfaces.get(0), "networkIP")));
                }
            }
            pageToken = answer.has("nextPageToken") ? str(answer, "nextPageToken") : null;
        } while (pageToken != null && !pageToken.isEmpty());
        return out;
    }

    @Override
    public void deleteNodes(List<NodeStatus> nodes) {
        List<JsonObject> operations = new ArrayList<>();
        for (NodeStatus n : nodes) {
            JsonObject op = callTolerating(NOT_FOUND, "DELETE", n.id(), null);
            if (op != null) {
                operations.add(op);
            }
        }
        // instances.list stops showing an instance once its delete has begun, before the host has
        // removed it; waiting for the operations makes "deleted" mean gone from the host too
        operations.forEach(this::await);
    }

    @Override
    public void deleteShared(String cluster) {
        String tag = ClusterSpec.groupName(cluster);
        for (String name : List.of(tag, tag + "-ssh")) {
            JsonObject op = callTolerating(NOT_FOUND, "DELETE", "global/firewalls/" + name, null);
            if (op != null) {
                await(op);
            }
        }
    }

    @Override
    public List<String> rules(String cluster) {
        String tag = ClusterSpec.groupName(cluster);
        List<String> out = new ArrayList<>();
        for (String name : List.of(tag, tag + "-ssh")) {
            JsonObject f = callTolerating(NOT_FOUND, "GET", "global/firewalls/" + name, null);
            if (f == null) {
                continue;
            }
            List<String> sources = new ArrayList<>();
            items(f, "sourceRanges", JsonElement::getAsString).forEach(sources::add);
            for (JsonObject a : items(f, "allowed")) {
                for (String ports : items(a, "ports", JsonElement::getAsString)) {
                    out.add(str(a, "IPProtocol") + " " + (ports.contains("-") ? ports : ports + "-" + ports)
                            + " from " + String.join(",", sources) + " to tag " + String.join(",",
                            items(f, "targetTags", JsonElement::getAsString)));
                }
            }
        }
        return out;
    }

    private void ensureFirewall(String name, JsonArray allowed, String source, String targetTag) {
        if (callTolerating(NOT_FOUND, "GET", "global/firewalls/" + name, null) != null) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("network", "global/networks/default");
        body.addProperty("direction", "INGRESS");
        body.add("allowed", allowed);
        JsonArray sources = new JsonArray();
        sources.add(source);
        body.add("sourceRanges", sources);
        JsonArray targets = new JsonArray();
        targets.add(targetTag);
        body.add("targetTags", targets);
        await(call("POST", "global/firewalls", body));
    }

    private static JsonObject allowed(ClusterPorts.Rule r) {
        JsonObject a = new JsonObject();
        a.addProperty("IPProtocol", r.protocol());
        JsonArray ports = new JsonArray();
        ports.add(r.range());
        a.add("ports", ports);
        return a;
    }

    private static JsonObject entry(String key, String value) {
        JsonObject e = new JsonObject();
        e.addProperty("key", key);
        e.addProperty("value", value);
        return e;
    }

    /** Waits for an operation with its {@code wait} method; an error in it is an exception. */
    private void await(JsonObject operation) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonObject op = operation;
        while (!"DONE".equals(str(op, "status"))) {
            if (System.nanoTime() > deadline) {
                throw new ClusterException("operation " + str(operation, "name") + " not done after 5 minutes");
            }
            op = call("POST", str(op, "selfLink") + "/wait", null);
        }
        if (op.has("error")) {
            throw new ClusterException("operation " + str(op, "operationType") + " " + str(op, "targetLink")
                    + " failed: " + op.get("error"));
        }
    }

    private JsonObject call(String method, String path, JsonObject body) {
        Answer a = send(method, path, body);
        if (a.status != 200) {
            throw new ClusterException(method + " " + path + ": " + a.error());
        }
        return a.json;
    }

    private JsonObject callTolerating(int tolerated, String method, String path, JsonObject body) {
        Answer a = send(method, path, body);
        if (a.status == tolerated) {
            return null;
        }
        if (a.status != 200) {
            throw new ClusterException(method + " " + path + ": " + a.error());
        }
        return a.json;
    }

    private record Answer(int status, JsonObject json) {
        String error() {
            JsonObject e = json.getAsJsonObject("error");
            return "HTTP " + status + (e == null ? "" : ": " + str(e, "message"));
        }
    }

    /** A path relative to the project, or a full URL (a selfLink). */
    private Answer send(String method, String path, JsonObject body) {
        String url = path.startsWith("http") ? path : base + "/compute/v1/projects/" + project() + "/" + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization",
                "Bearer " + token()).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject json;
            try {
                json = JsonParser.parseString(r.body()).getAsJsonObject();
            } catch (RuntimeException notJson) {
                json = new JsonObject();
            }
            return new Answer(r.statusCode(), json);
        } catch (IOException e) {
            throw new ClusterException(method + " " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted");
        }
    }

    private String project() {
        token();
        return project;
    }

    /** The key file's token, fetched once: a cluster's calls take minutes, the token lasts an hour. */
    private String token() {
        if (token == null) {
            GceServiceAccount account = account();
            try {
                token = account.accessToken(http);
            } catch (IOException e) {
                throw new ClusterException("GCE token: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted");
            }
            project = account.project();
        }
        return token;
    }

    private GceServiceAccount account() {
        if (credentials.gceKeyFile() != null) {
            try {
                return new GceServiceAccount(JsonParser.parseString(Files.readString(credentials.gceKeyFile()))
                        .getAsJsonObject());
            } catch (IOException | RuntimeException e) {
                throw new ClusterException("cannot read --gce-key-file " + credentials.gceKeyFile() + ": "
                        + e.getMessage());
            }
        }
        // the native keys make a service-account key of the same user, as the console's download does
        return GceServiceAccount.fromNativeAnswer(new NativeCalls(http, credentials).call("createGceServiceAccountKey",
                "endpoint", base));
    }

    private static List<JsonObject> items(JsonObject o, String key) {
        return items(o, key, JsonElement::getAsJsonObject);
    }

    private static <T> List<T> items(JsonObject o, String key, Function<JsonElement, T> as) {
        List<T> out = new ArrayList<>();
        JsonElement a = o == null ? null : o.get(key);
        if (a != null && a.isJsonArray()) {
            a.getAsJsonArray().forEach(e -> out.add(as.apply(e)));
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        return NativeClusterApi.str(o, key);
    }
}
