package io.skyport.gce.method.instance;

import io.skyport.gce.GceException;
import io.skyport.gce.service.InstanceViews;
import java.util.Map;
import java.util.TreeMap;

/** Labels as GCE allows them: at most 64, keys and values of lowercase letters, digits, - and _. */
final class Labels {
    private static final int MAX = 64;

    private Labels() {
    }

    static Map<String, String> check(Map<String, String> labels) {
        if (labels.size() > MAX) {
            throw GceException.invalid("labels", labels.size(), "At most " + MAX + " labels are allowed.");
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!InstanceViews.isLabel(e.getKey(), e.getValue())) {
                throw GceException.invalid("labels", e.getKey() + "=" + e.getValue(), "Label keys must start with a "
                        + "lowercase letter; keys and values may hold lowercase letters, digits, - and _ (63 at most).");
            }
        }
        return new TreeMap<>(labels);
    }
}
