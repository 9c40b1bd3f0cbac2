package io.skyport.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Skyport's Compute Engine API as its client libraries drive it: instances.insert, then
 * zoneOperations.wait until the operation is DONE; instances.delete the same way.
 */
final class GceSide implements LifecycleSide {
    private final HttpClient http;
    private final String zoneUrl;
    private final String token;
    private final String machineType;
    private final String image;
    private final NativeApiClient tenant;

    GceSide(HttpClient http, String base, String project, String zone, String token, String machineType, String image,
            NativeApiClient tenant) {
        this.http = http;
        this.zoneUrl = base + "/compute/v1/projects/" + project + "/zones/" + zone + "/";
        this.token = token;
        this.machineType = "zones/" + zone + "/machineTypes/" + machineType;
        this.image = "global/images/" + image;
        this.tenant = tenant;
    }

    @Override
    public String name() {
        return "GCE (instances.insert / instances.delete)";
    }

    @Override
    public String create(String name) throws Exception {
        JsonObject body = JsonParser.parseString("{\"disks\":[{\"boot\":true,\"initializeParams\":{}}],"
                + "\"metadata\":{\"items\":[{}]}}").getAsJsonObject();
        body.addProperty("name", name);
        body.addProperty("machineType", machineType);
        body.getAsJsonArray("disks").get(0).getAsJsonObject().getAsJsonObject("initializeParams")
                .addProperty("sourceImage", image);
        JsonObject item = body.getAsJsonObject("metadata").getAsJsonArray("items").get(0).getAsJsonObject();
        item.addProperty("key", "user-data");
        item.addProperty("value", new String(Base64.getDecoder().decode(ContainerBench.USER_DATA_B64),
                StandardCharsets.UTF_8));
        await(send("POST", "instances", body.toString()));
        return name;
    }

    @Override
    public void remove(String handle) throws Exception {
        await(send("DELETE", "instances/" + handle, null));
    }

    @Override
    public String containerName(String handle) throws Exception {
        return "skyport-" + tenant.call("listVirtualMachines", "name", handle).getAsJsonArray("virtualmachine").get(0)
                .getAsJsonObject().get("id").getAsString();
    }

    /** Waits on the operation until it is DONE; an operation that ends in error fails the run. */
    private void await(JsonObject operation) throws Exception {
        JsonObject op = operation;
        while (!"DONE".equals(op.get("status").getAsString())) {
            op = send("POST", "operations/" + op.get("name").getAsString() + "/wait", null);
        }
        if (op.has("error")) {
            throw new IllegalStateException("operation " + op.get("name").getAsString() + " failed: " + op.get("error"));
        }
    }

    private JsonObject send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(zoneUrl + path)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }
}
