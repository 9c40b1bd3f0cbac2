package io.skyport.app.cluster;

import java.util.Locale;

/** A node's part in the cluster; its tag/label value is the lower-case name. */
public enum Role {
    CONTROL, WORKER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a tag/label value, or null when it is none. */
    public static Role ofLabel(String value) {
        for (Role r : values()) {
            if (r.label().equals(value)) {
                return r;
            }
        }
        return null;
    }
}
