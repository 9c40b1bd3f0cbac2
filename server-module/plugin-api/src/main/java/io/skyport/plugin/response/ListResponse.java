package io.skyport.plugin.response;

import java.util.List;

/**
 * A page of entities: {@code {"count": total, "<entity>": [...]}}, and {@code {}} when empty,
 * as CloudStack answers.
 */
public record ListResponse<T>(String entity, List<T> items, long count) {
    public static <T> ListResponse<T> of(String entity, List<T> items) {
        return new ListResponse<>(entity, items, items.size());
    }
}
