package io.skyport.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The translation step of the GCE HTTP-hop baseline: one page of a native
 * {@code listVirtualMachines} JSON answer rendered as a Compute Engine
 * {@code compute#instanceList}, the way the retired gstack proxy did it (parse the whole native
 * document into a tree, build the GCE document as a tree, serialize it). It is deliberately not
 * the server's own GCE code: the baseline stands for the architecture the in-process API
 * replaces.
 */
final class InstanceListJson {
    /** GCE's timestamps: RFC 3339 with milliseconds and an explicit offset. */
    private static final DateTimeFormatter GCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    /** GCE status of a native VM state. */
    private static final Map<String, String> STATUS = Map.of(
            "Starting", "STAGING",
            "Running", "RUNNING",
            "Migrating", "RUNNING",
            "Stopping", "STOPPING",
            "Stopped", "TERMINATED",
            "Destroyed", "STOPPING",
            "Expunging", "STOPPING",
            "Error", "TERMINATED");

    /** Native VM uuid to the GCE instance id the client sees. */
    private final UnaryOperator<String> instanceIds;
    /** GCE names of native zone and offering names, worked out once each rather than per instance. */
    private final Map<String, String> zoneNames = new ConcurrentHashMap<>();
    private final Map<String, String> machineTypeNames = new ConcurrentHashMap<>();

    /**
     * @param instanceIds maps a VM uuid to its GCE instance id (a decimal number); the proxy
     *                    keeps its own id table, as gstack-style translators had to
     */
    InstanceListJson(UnaryOperator<String> instanceIds) {
        this.instanceIds = instanceIds;
    }

    /**
     * The GCE page for a {@code response=json} listVirtualMachines answer.
     *
     * @param response      the answer's {@code listvirtualmachinesresponse}, see {@link NativeVmJson#response}
     * @param apiBase       e.g. {@code http://127.0.0.1:41234/compute/v1/}
     * @param nextPageToken "" on the last page: the field is then left out, as clients stop on its absence
     */
    String render(JsonObject response, String apiBase, String project, String zone, String nextPageToken) {
        JsonArray vms = NativeVmJson.virtualMachines(response);
        String zoneUrl = apiBase + "projects/" + project + "/zones/" + zone;
        JsonObject list = new JsonObject();
        list.addProperty("kind", "compute#instanceList");
        list.addProperty("id", "projects/" + project + "/zones/" + zone + "/instances");
        JsonArray items = new JsonArray(vms.size());
        for (JsonElement e : vms) {
            items.add(instance(e.getAsJsonObject(), apiBase, project));
        }
        list.add("items", items);
        if (!nextPageToken.isEmpty()) {
            list.addProperty("nextPageToken", nextPageToken);
        }
        list.addProperty("selfLink", zoneUrl + "/instances");
        return list.toString();
    }

    private JsonObject instance(JsonObject vm, String apiBase, String project) {
        String zoneUrl = apiBase + "projects/" + project + "/zones/"
                + zoneNames.computeIfAbsent(text(vm, "zonename"), InstanceListJson::zoneName);
        String name = text(vm, "name");
        JsonObject i = new JsonObject();
        i.addProperty("kind", "compute#instance");
        i.addProperty("id", instanceIds.apply(text(vm, "id")));
        i.addProperty("creationTimestamp", NativeVmJson.utc(text(vm, "created"), GCE_TIME));
        i.addProperty("name", name);
        i.addProperty("machineType", zoneUrl + "/machineTypes/"
                + machineTypeNames.computeIfAbsent(text(vm, "serviceofferingname"), InstanceListJson::slug));
        i.addProperty("status", STATUS.getOrDefault(text(vm, "state"), "PROVISIONING"));
        i.addProperty("zone", zoneUrl);
        JsonObject nic = new JsonObject();
        nic.addProperty("kind", "compute#networkInterface");
        nic.addProperty("name", "nic0");
        nic.addProperty("network", apiBase + "projects/" + project + "/global/networks/default");
        nic.addProperty("networkIP", NativeVmJson.defaultIp(vm));
        JsonArray nics = new JsonArray(1);
        nics.add(nic);
        i.add("networkInterfaces", nics);
        JsonObject labels = labels(vm);
        if (!labels.isEmpty()) {
            i.add("labels", labels);
        }
        i.addProperty("selfLink", zoneUrl + "/instances/" + name);
        return i;
    }

    /** The VM's tags that are valid GCE labels. */
    private static JsonObject labels(JsonObject vm) {
        JsonObject labels = new JsonObject();
        if (vm.has("tags")) {
            for (JsonElement t : vm.getAsJsonArray("tags")) {
                String key = text(t.getAsJsonObject(), "key");
                String value = text(t.getAsJsonObject(), "value");
                if (LABEL_KEY.matcher(key).matches() && LABEL_VALUE.matcher(value).matches()) {
                    labels.addProperty(key, value);
                }
            }
        }
        return labels;
    }

    /** A native zone as GCE names it: lower case, other characters as '-' ({@code Sandbox-simulator} → {@code sandbox-simulator}). */
    static String zoneName(String nativeName) {
        String s = nativeName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return s.matches("[a-z].*") ? s : "z-" + s;
    }

    /** A service offering as a machine type name ({@code Small Instance} → {@code small-instance}). */
    static String slug(String offeringName) {
        String s = offeringName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.matches("[a-z].*") ? s : "x-" + s;
    }

    private static String text(JsonObject o, String name) {
        return NativeVmJson.text(o, name);
    }

    /**
     * Instance id by name, read from any {@code compute#instanceList} page (the server's or this
     * translator's): how the benchmark checks that both list the same instances. Counts every
     * item, so a name listed twice shows as fewer names than items.
     */
    static Listed instancesByName(Iterable<String> pages) {
        Map<String, String> byName = new HashMap<>();
        int items = 0;
        for (String page : pages) {
            JsonObject list = JsonParser.parseString(page).getAsJsonObject();
            if (!list.has("items")) {
                continue;
            }
            for (JsonElement e : list.getAsJsonArray("items")) {
                JsonObject i = e.getAsJsonObject();
                byName.put(text(i, "name"), text(i, "id"));
                items++;
            }
        }
        return new Listed(byName, items);
    }

    /** What a listing holds: instance ids by name, and how many items it had in all. */
    record Listed(Map<String, String> idsByName, int items) {
    }
}
