package io.skyport.ec2.view;

import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code MaxResults} / {@code NextToken}: a token is the opaque position of the next item of one
 * operation's listing, and is refused by any other operation.
 */
public record Paging(int offset, int limit) {
    /** No MaxResults: everything, in one answer. */
    public static final int ALL = Integer.MAX_VALUE;

    /**
     * @param min, max the range EC2 documents for the operation's MaxResults
     */
    public static Paging of(String operation, Integer maxResults, String nextToken, int min, int max) {
        int limit = ALL;
        if (maxResults != null) {
            if (maxResults < min || maxResults > max) {
                throw Ec2Exception.invalid("MaxResults", maxResults, "MaxResults must be between " + min + " and "
                        + max + ".");
            }
            limit = maxResults;
        }
        int offset = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            offset = decode(operation, nextToken);
        }
        return new Paging(offset, limit);
    }

    /** This page of a listing built in full. */
    public <T> java.util.List<T> page(java.util.List<T> all) {
        int from = Math.min(offset, all.size());
        int to = limit == ALL ? all.size() : (int) Math.min(all.size(), (long) from + limit);
        return all.subList(from, to);
    }

    /** The token of the page after this one of a listing of {@code total} items, or null at the end. */
    public String next(String operation, int total) {
        long end = limit == ALL ? total : (long) offset + limit;
        return end < total ? token(operation, (int) end) : null;
    }

    public static String token(String operation, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((operation + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String operation, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(operation + ":")) {
                int offset = Integer.parseInt(text.substring(operation.length() + 1));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new Ec2Exception(Ec2Error.INVALID_PAGINATION_TOKEN, "Invalid pagination token: " + token);
    }
}
