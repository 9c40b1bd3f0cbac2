package io.skyport.app.cluster;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Picks zones, offerings and templates by what the operator typed. Each API spells a name its own
 * way ("Small Instance", small-instance, small-instance as a GCE slug), so names match when equal
 * ignoring case and every run of non-alphanumerics.
 */
final class Names {
    private Names() {
    }

    static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** The item whose id or name matches {@code wanted}, or the first one when nothing is wanted. */
    static <T> T pick(String what, String wanted, List<T> items, Function<T, String> id, Function<T, String> name) {
        if (items.isEmpty()) {
            throw new ClusterException("the API lists no " + what);
        }
        if (wanted == null) {
            return items.get(0);
        }
        for (T item : items) {
            if (wanted.equals(id.apply(item)) || normal(wanted).equals(normal(name.apply(item)))) {
                return item;
            }
        }
        throw new ClusterException("no " + what + " named " + wanted + "; there are: "
                + String.join(", ", items.stream().map(name).toList()));
    }
}
