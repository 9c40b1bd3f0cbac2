package io.skyport.gce.service;

import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.db.Rows;
import io.skyport.core.event.EventService;
import io.skyport.core.vm.Vm;
import io.skyport.gce.GceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An instance's GCE metadata items and network tags, with their fingerprints. A VM made by
 * another API has no row: its metadata is then what the core knows, its user data. Fingerprints
 * are digests of the content, so any change of content changes them, as clients expect.
 */
public class InstanceMetadata {
    public static final String SSH_KEYS = "ssh-keys";
    public static final String STARTUP_SCRIPT = "startup-script";
    public static final String USER_DATA = "user-data";
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9-_]{1,128}");
    /** GCE's limit on all metadata of one instance (and of a project). */
    private static final int MAX_TOTAL_BYTES = 512 * 1024;

    private final JdbcTemplate jdbc;

    public InstanceMetadata(JdbcTemplate jdbc, EventService events) {
        this.jdbc = jdbc;
        // an instance's items and tags (startup scripts, keys) go with its expunge, whichever API asked
        events.onVmExpunged(this::forget);
    }

    /** What is stored for one VM. */
    public record Stored(Map<String, String> items, List<String> networkTags) {
    }

    public Map<String, Stored> of(Collection<String> vmUuids) {
        Map<String, Stored> out = new HashMap<>();
        List<String> all = new ArrayList<>(vmUuids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", chunk.stream().map(u -> "?").toList());
            jdbc.query("SELECT vm_uuid, items, network_tags FROM gce_instance_metadata WHERE vm_uuid IN (" + marks + ")",
                    rs -> {
                        out.put(rs.getString(1), new Stored(parseItems(rs.getString(2)), tags(rs.getString(3))));
                    }, chunk.toArray());
        }
        return out;
    }

    public Optional<Stored> of(String vmUuid) {
        return Rows.one(jdbc, "SELECT items, network_tags FROM gce_instance_metadata WHERE vm_uuid = ?",
                (rs, n) -> new Stored(parseItems(rs.getString(1)), tags(rs.getString(2))), vmUuid);
    }

    public void save(String vmUuid, Map<String, String> items, List<String> networkTags) {
        String json = itemsJson(items);
        String tags = String.join(",", networkTags);
        int updated = jdbc.update("UPDATE gce_instance_metadata SET items = ?, fingerprint = ?, network_tags = ?, "
                + "tags_fingerprint = ? WHERE vm_uuid = ?", json, fingerprint(items), tags, tagsFingerprint(networkTags),
                vmUuid);
        if (updated == 0) {
            jdbc.update("INSERT INTO gce_instance_metadata (vm_uuid, items, fingerprint, network_tags, tags_fingerprint) "
                    + "VALUES (?, ?, ?, ?, ?)", vmUuid, json, fingerprint(items), tags, tagsFingerprint(networkTags));
        }
    }

    public void forget(String vmUuid) {
        jdbc.update("DELETE FROM gce_instance_metadata WHERE vm_uuid = ?", vmUuid);
    }

    /**
     * The items of a metadata resource a client sends (instances or the project), checked as GCE
     * checks them: key syntax, no duplicate key, total size, and the ssh-keys lines.
     */
    public static Map<String, String> checkedItems(Metadata m) {
        Map<String, String> out = new LinkedHashMap<>();
        int total = 0;
        for (Items i : m.getItemsList()) {
            if (!KEY.matcher(i.getKey()).matches()) {
                throw GceException.invalid("resource.metadata.items.key", i.getKey(), "Keys must match "
                        + "[a-zA-Z0-9-_]{1,128}.");
            }
            if (out.put(i.getKey(), i.getValue()) != null) {
                throw GceException.invalid("resource.metadata", i.getKey(), "Duplicate metadata key.");
            }
            total += i.getKey().length() + i.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw GceException.invalid("resource.metadata", total + " bytes", "Metadata may hold at most "
                    + MAX_TOTAL_BYTES + " bytes.");
        }
        SshKeyItems.check(out.get(SSH_KEYS));
        return out;
    }

    /** The items shown for a VM: stored ones, else its user data. */
    public static Map<String, String> itemsOf(Vm vm, Stored stored) {
        if (stored != null) {
            return stored.items();
        }
        Map<String, String> items = new LinkedHashMap<>();
        if (vm.userData() != null && !vm.userData().isEmpty()) {
            try {
                items.put(USER_DATA, new String(Base64.getDecoder().decode(vm.userData()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                items.put(USER_DATA, vm.userData());
            }
        }
        return items;
    }

    public static Metadata view(Map<String, String> items) {
        Metadata.Builder m = Metadata.newBuilder().setKind("compute#metadata").setFingerprint(fingerprint(items));
        items.forEach((k, v) -> m.addItems(Items.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    public static String fingerprint(Map<String, String> items) {
        return items.isEmpty() ? NO_ITEMS : digest("m" + itemsJson(items));
    }

    /**
     * A fingerprint as a client sent it, in the form this server writes them. Fingerprints are
     * bytes in the API, so a client may send them in either base64 alphabet: gcloud sends the
     * URL-safe one ({@code -} and {@code _}) whatever form it read. Text that is not base64 is
     * returned as it is, and matches nothing.
     */
    public static String canonicalFingerprint(String given) {
        try {
            byte[] bytes = given.indexOf('-') >= 0 || given.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(given)
                    : Base64.getDecoder().decode(given);
            return Base64.getEncoder().encodeToString(bytes);
        } catch (IllegalArgumentException notBase64) {
            return given;
        }
    }

    public static String tagsFingerprint(List<String> tags) {
        return tags.isEmpty() ? NO_TAGS : digest("t" + String.join(",", tags));
    }

    public static String labelsFingerprint(Map<String, String> labels) {
        return labels.isEmpty() ? NO_LABELS : digest("l" + new TreeMap<>(labels));
    }

    /**
     * One digest per thread, reset by each use: looking the algorithm up costs more than hashing
     * a fingerprint's few bytes, and a listing takes several fingerprints per instance.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Fingerprints of no content: most instances of a listing have no items, tags or labels. */
    private static final String NO_ITEMS = digest("m" + itemsJson(Map.of()));
    private static final String NO_TAGS = digest("t");
    private static final String NO_LABELS = digest("l" + new TreeMap<>());

    /**
     * A fingerprint of a version of a resource nothing compares against (instances, interfaces):
     * it only has to change when the version does, so a 64-bit hash does.
     */
    public static String versionFingerprint(String uuid, long version) {
        long h = 1125899906842597L;
        for (int i = 0; i < uuid.length(); i++) {
            h = 31 * h + uuid.charAt(i);
        }
        h = h * 0x9E3779B97F4A7C15L + version;
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (h >>> (56 - 8 * i));
        }
        return Base64.getEncoder().encodeToString(b);
    }

    private static String digest(String s) {
        byte[] d = SHA_256.get().digest(s.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(d, 8));
    }

    /** Items as stored: a JSON array of {key, value}, in their order. */
    public static String itemsJson(Map<String, String> items) {
        JsonArray a = new JsonArray();
        items.forEach((k, v) -> {
            JsonObject o = new JsonObject();
            o.addProperty("key", k);
            o.addProperty("value", v);
            a.add(o);
        });
        return a.toString();
    }

    /** Items as {@link #itemsJson} stores them; none for null or empty. */
    public static Map<String, String> parseItems(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isEmpty()) {
            return out;
        }
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            out.put(o.get("key").getAsString(), o.get("value").getAsString());
        }
        return out;
    }

    private static List<String> tags(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }
}
