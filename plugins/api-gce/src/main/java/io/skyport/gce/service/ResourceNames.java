package io.skyport.gce.service;

import io.skyport.gce.GceException;
import java.util.regex.Pattern;

/** The names GCE gives its resources: RFC 1035 labels of 1 to 63 characters. */
public final class ResourceNames {
    public static final Pattern PATTERN = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private ResourceNames() {
    }

    public static void check(String field, String name) {
        if (name.isEmpty()) {
            throw GceException.required(field);
        }
        if (!PATTERN.matcher(name).matches()) {
            throw GceException.invalid(field, name, "Must be a match of regex '" + PATTERN.pattern() + "'");
        }
    }
}
