package io.skyport.gce.view;

import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code maxResults} (default and most 500) and {@code pageToken}: the token is the offset of the
 * next item, opaque to clients.
 */
public final class Pages {
    public static final int MAX_RESULTS = 500;

    private Pages() {
    }

    public record Page<T>(List<T> items, String nextPageToken) {
    }

    /** The items the filter keeps, one page of them. */
    public static <T extends com.google.protobuf.Message> Page<T> filtered(List<T> all, String filter, int maxResults,
                                                                          String pageToken) {
        java.util.function.Predicate<com.google.protobuf.Message> keep = Filter.parse(filter);
        return page(all.stream().filter(keep).toList(), maxResults, pageToken);
    }

    /**
     * Sets the list's {@code nextPageToken} when there is a next page; on the last page the field
     * stays absent, as clients stop on its absence.
     */
    public static <B extends com.google.protobuf.Message.Builder> B withToken(B list, Page<?> page) {
        if (!page.nextPageToken().isEmpty()) {
            list.setField(list.getDescriptorForType().findFieldByName("next_page_token"), page.nextPageToken());
        }
        return list;
    }

    /** The page size a {@code maxResults} asks for (0: the client gave none). */
    public static int size(int maxResults) {
        if (maxResults < 0 || maxResults > MAX_RESULTS) {
            throw GceException.invalid("maxResults", Integer.toUnsignedString(maxResults), "Must be less than or equal "
                    + "to " + MAX_RESULTS);
        }
        return maxResults == 0 ? MAX_RESULTS : maxResults;
    }

    /** @param maxResults 0 when the client gave none */
    public static <T> Page<T> page(List<T> all, int maxResults, String pageToken) {
        int size = size(maxResults);
        int from = offset(pageToken);
        if (from > all.size()) {
            from = all.size();
        }
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? token(to) : "");
    }

    public static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    public static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("o:")) {
                int n = Integer.parseInt(raw.substring(2));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: not a token of ours
        }
        throw GceException.invalid("pageToken", token, "The page token is not valid.");
    }
}
