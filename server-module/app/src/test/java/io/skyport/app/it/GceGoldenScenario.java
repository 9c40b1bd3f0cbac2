package io.skyport.app.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden GCE walk: a fresh project goes through every served method, one fixture request at a
 * time in a fixed order (insert before get before delete), with the request's placeholders filled
 * from what earlier answers bound. Each answer is compared with its fixture and kept, so that
 * {@link GceGoldenIT} can report the differences and {@link GceShapeCheckIT} can check the same
 * answers against gcloud's model.
 *
 * <p>With {@code -Dgolden.update=true} each fixture whose answer differs is rewritten (see
 * {@link GceGolden#merge}) under {@code src/test/resources/fixtures/gce} of the module, or the
 * directory {@code -Dgolden.dir} names; the rewritten files must be reviewed before committing.
 */
final class GceGoldenScenario {
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** One step: the fixture, the method it calls, the answer and its differences from the fixture. */
    record Step(String fixture, String method, int status, String body, List<String> diffs) {
    }

    private final GceClient gce;
    private final Map<String, String> bound = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();

    private GceGoldenScenario(TestServer server) {
        String user = "golden" + System.nanoTime();
        gce = new GceClient(server.baseUrl(), GceClient.keyFile(server.tenant(user)));
        bound.put("base", server.baseUrl());
        bound.put("project", gce.project());
        bound.put("user", user);
        // the catalog the walk uses: the first zone, its region, the first image and two machine types
        JsonObject zone = gce.ok("GET", "zones", null).getAsJsonArray("items").get(0).getAsJsonObject();
        bound.put("zone", zone.get("name").getAsString());
        String region = zone.get("region").getAsString();
        bound.put("region", region.substring(region.lastIndexOf('/') + 1));
        JsonObject image = gce.ok("GET", "global/images", null).getAsJsonArray("items").get(0).getAsJsonObject();
        bound.put("image", image.get("name").getAsString());
        bound.put("family", image.get("family").getAsString());
        var types = gce.ok("GET", "zones/" + bound.get("zone") + "/machineTypes", null).getAsJsonArray("items");
        bound.put("machineType", types.get(0).getAsJsonObject().get("name").getAsString());
        bound.put("machineType2", types.get(1).getAsJsonObject().get("name").getAsString());
    }

    static List<Step> run(TestServer server) throws IOException {
        GceGoldenScenario s = new GceGoldenScenario(server);
        s.walk();
        return s.steps;
    }

    Map<String, String> bound() {
        return bound;
    }

    /** Sends the fixture's request and compares the answer with it; returns the answer. */
    private JsonElement step(String fixture) throws IOException {
        String method = fixture.split("\\.").length > 3 ? fixture.substring(0, fixture.lastIndexOf('.')) : fixture;
        JsonObject f = GceGolden.fixture(fixture);
        JsonObject req = f.getAsJsonObject("request");
        String path = GceGolden.substitute(req.get("path").getAsString(), bound);
        if (req.has("query")) {
            StringBuilder q = new StringBuilder();
            for (Map.Entry<String, JsonElement> e : req.getAsJsonObject("query").entrySet()) {
                q.append(q.length() == 0 ? '?' : '&').append(enc(e.getKey())).append('=')
                        .append(enc(GceGolden.substitute(e.getValue().getAsString(), bound)));
            }
            path += q;
        }
        String body = req.has("rawBody") ? req.get("rawBody").getAsString()
                : req.has("body") ? GceGolden.substitute(req.get("body"), bound).toString() : null;
        GceClient.Reply reply = gce.call(req.get("method").getAsString(), path, body);
        List<String> diffs = new ArrayList<>();
        int status = f.get("status").getAsInt();
        if (reply.status() != status) {
            diffs.add("HTTP " + reply.status() + ", expected " + status);
        }
        JsonElement actual;
        try {
            actual = reply.body().isEmpty() ? new JsonObject() : JsonParser.parseString(reply.body());
        } catch (RuntimeException e) {
            diffs.add("not JSON: " + reply.body());
            steps.add(new Step(fixture, method, reply.status(), reply.body(), diffs));
            return new JsonObject();
        }
        diffs.addAll(GceGolden.compare(f.get("response"), actual, bound));
        if (!diffs.isEmpty()) {
            diffs.add("actual: " + reply.body());
            if (UPDATE) {
                f.addProperty("status", reply.status());
                f.add("response", GceGolden.merge(f.get("response"), actual, "", bound));
                Path dir = Path.of(System.getProperty("golden.dir", "src/test/resources/fixtures/gce"));
                Files.writeString(dir.resolve(fixture + ".json"), GceGolden.pretty(f));
            }
        }
        steps.add(new Step(fixture, method, reply.status(), reply.body(), diffs));
        return actual;
    }

    /** A step whose answer is an Operation, waited on until DONE before the walk goes on. */
    private void settled(String fixture) throws IOException {
        JsonElement op = step(fixture);
        if (op.isJsonObject() && op.getAsJsonObject().has("selfLink")
                && "compute#operation".equals(op.getAsJsonObject().get("kind").getAsString())) {
            gce.await(op.getAsJsonObject());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void walk() throws IOException {
        step("compute.projects.get");
        step("compute.regions.list");
        step("compute.regions.get");
        step("compute.zones.list");
        step("compute.zones.get");
        step("compute.machineTypes.list");
        step("compute.machineTypes.get");
        step("compute.diskTypes.get");
        step("compute.machineTypes.aggregatedList");
        step("compute.images.list");
        step("compute.images.get");
        step("compute.images.getFromFamily");
        step("compute.networks.list");
        step("compute.networks.get");

        step("compute.firewalls.insert");
        step("compute.globalOperations.wait");
        step("compute.globalOperations.get");
        step("compute.firewalls.get");
        step("compute.firewalls.list");
        settled("compute.firewalls.patch");
        settled("compute.firewalls.update");
        step("compute.firewalls.get.Updated");
        step("compute.firewalls.insert.Duplicate");

        step("compute.instances.insert");
        step("compute.zoneOperations.wait");
        step("compute.zoneOperations.get");
        step("compute.instances.get");
        step("compute.instances.list");
        step("compute.instances.aggregatedList");
        step("compute.instances.insert.Duplicate");
        step("compute.instances.insert.UnknownField");
        step("compute.instances.get.NotFound");
        step("compute.instances.setMetadata.StaleFingerprint");
        settled("compute.instances.setMetadata");
        settled("compute.instances.setLabels");
        settled("compute.instances.setTags");
        step("compute.instances.get.Updated");

        settled("compute.disks.insert");
        step("compute.disks.get");
        step("compute.disks.list");
        step("compute.disks.aggregatedList");
        settled("compute.instances.attachDisk");
        step("compute.disks.get.Attached");
        settled("compute.instances.detachDisk");
        step("compute.instances.getSerialPortOutput");
        settled("compute.instances.reset");
        settled("compute.instances.stop");
        settled("compute.instances.setMachineType");
        step("compute.instances.get.Stopped");
        settled("compute.instances.start");

        step("compute.addresses.insert");
        step("compute.regionOperations.wait");
        step("compute.regionOperations.get");
        step("compute.addresses.get");
        step("compute.addresses.list");
        settled("compute.addresses.delete");

        step("compute.zoneOperations.list");
        step("compute.regionOperations.list");
        step("compute.globalOperations.list");
        step("compute.globalOperations.aggregatedList");
        // after the operation listings, whose fixtures hold the firewall's operations only
        step("compute.projects.setCommonInstanceMetadata.StaleFingerprint");
        settled("compute.projects.setCommonInstanceMetadata");
        step("compute.projects.get.Updated");

        settled("compute.instances.delete");
        settled("compute.disks.delete");
        settled("compute.firewalls.delete");
        step("compute.zoneOperations.delete");
        step("compute.zoneOperations.get.NotFound");
        step("compute.regionOperations.delete");
        step("compute.globalOperations.delete");
    }
}
