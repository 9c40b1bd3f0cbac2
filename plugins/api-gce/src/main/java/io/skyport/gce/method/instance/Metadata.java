package io.skyport.gce.method.instance;

import io.skyport.gce.service.InstanceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Metadata items mapped onto the VM's user data. */
final class Metadata {
    private Metadata() {
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
