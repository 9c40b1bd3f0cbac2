package io.skyport.api.command.infra;

import io.skyport.plugin.response.ListResponse;
import java.util.List;

/**
 * Paging of short lists (zones, pods, hosts, offerings...) that are read whole: count is the total,
 * the items are the requested page, as CloudStack answers.
 */
final class Pages {
    private Pages() {
    }

    static <T> ListResponse<T> of(String entity, List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new ListResponse<>(entity, all.subList(from, to), all.size());
    }

    static boolean matches(String keyword, String... values) {
        if (keyword == null) {
            return true;
        }
        String k = keyword.toLowerCase(java.util.Locale.ROOT);
        for (String v : values) {
            if (v != null && v.toLowerCase(java.util.Locale.ROOT).contains(k)) {
                return true;
            }
        }
        return false;
    }
}
