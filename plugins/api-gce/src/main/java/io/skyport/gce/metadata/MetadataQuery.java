package io.skyport.gce.metadata;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The query parameters of a metadata request: {@code recursive}, {@code alt} (json or text; a
 * recursive request defaults to json, others to text), {@code wait_for_change}, {@code last_etag}
 * and {@code timeout_sec}. Bad values are refused (400) rather than ignored.
 */
public record MetadataQuery(boolean recursive, boolean json, boolean waitForChange, String lastEtag,
                            int timeoutSeconds) {

    public static MetadataQuery parse(HttpServletRequest req) {
        return of(req.getParameter("recursive"), req.getParameter("alt"), req.getParameter("wait_for_change"),
                req.getParameter("last_etag"), req.getParameter("timeout_sec"));
    }

    static MetadataQuery of(String recursive, String alt, String waitForChange, String lastEtag, String timeoutSec) {
        boolean rec = bool("recursive", recursive);
        boolean json;
        if (alt == null) {
            json = rec;
        } else if (alt.equals("json")) {
            json = true;
        } else if (alt.equals("text")) {
            json = false;
        } else {
            throw new IllegalArgumentException("Invalid value for parameter 'alt': " + alt);
        }
        int timeout = MetadataServer.MAX_WAIT_SECONDS;
        if (timeoutSec != null) {
            if (!timeoutSec.matches("\\d{1,9}") || Integer.parseInt(timeoutSec) < 1) {
                throw new IllegalArgumentException("Invalid value for parameter 'timeout_sec': " + timeoutSec);
            }
            timeout = Math.min(Integer.parseInt(timeoutSec), MetadataServer.MAX_WAIT_SECONDS);
        }
        String etag = lastEtag == null || lastEtag.isEmpty() || lastEtag.equals("0") ? null : lastEtag;
        return new MetadataQuery(rec, json, bool("wait_for_change", waitForChange), etag, timeout);
    }

    private static boolean bool(String name, String v) {
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.isEmpty() || v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException("Invalid value for parameter '" + name + "': " + v);
    }
}
