package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.Items;
import io.skyport.gce.GceException;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.SshKeyItems;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Metadata items as instances take them: checked, and mapped onto the VM's user data. */
final class Metadata {
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9-_]{1,128}");
    /** GCE's limit on all metadata of one instance. */
    private static final int MAX_TOTAL_BYTES = 512 * 1024;

    private Metadata() {
    }

    static Map<String, String> items(com.google.cloud.compute.v1.Metadata m) {
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
        SshKeyItems.check(out.get(InstanceMetadata.SSH_KEYS));
        return out;
    }

    /**
     * The VM's user data (base64): {@code user-data} if given, else {@code startup-script}, which
     * cloud-init runs as a script; null when neither is given.
     */
    static String userData(Map<String, String> items) {
        String text = items.getOrDefault(InstanceMetadata.USER_DATA, items.get(InstanceMetadata.STARTUP_SCRIPT));
        return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
