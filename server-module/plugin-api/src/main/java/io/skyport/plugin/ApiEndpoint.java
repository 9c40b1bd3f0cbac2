package io.skyport.plugin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * An HTTP surface a module serves under a URL prefix. When the switch setting is off the
 * server calls {@link #writeDisabled} so the client sees its own protocol's error.
 */
public interface ApiEndpoint {
    /** Path prefixes served, e.g. {@code /client/api}, {@code /ec2}. */
    java.util.List<String> pathPrefixes();

    /** The boolean setting that switches the endpoint on, if any. */
    default Optional<Setting<Boolean>> enabledBy() {
        return Optional.empty();
    }

    /**
     * Whether a request to the server's root path {@code /} is for this endpoint. Some stock
     * clients drop the path of the endpoint URL they are given (the AWS SDK for Java posts EC2
     * calls to {@code /}), so an API may claim such requests by what they carry. Must not read
     * the request body.
     */
    default boolean claimsRoot(HttpServletRequest req) {
        return false;
    }

    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException;

    /** Answer a request while switched off, in the protocol's own error format. */
    void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException;

    /**
     * Short name of the API ({@code native}, {@code ec2}, {@code gce}): names its per-API limits
     * such as {@code <name>.request.max.body.bytes}.
     */
    default String apiName() {
        return "native";
    }

    /**
     * Answer a request the server refuses before the API reads it (too large, throttled) in the
     * protocol's own error format, with {@link Refusal#status()} unless the protocol says otherwise.
     */
    default void writeRefusal(HttpServletRequest req, HttpServletResponse resp, Refusal refusal) throws IOException {
        resp.setStatus(refusal.status());
        resp.setContentType("application/json");
        resp.getOutputStream().write(("{\"error\":" + refusal.status() + "}").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The answer to a request under this endpoint's prefixes that the HTTP server refused before
     * any endpoint saw it (a malformed URI or percent-escape, headers too large), in the protocol's
     * own error format. The request could not be parsed, so only its status and raw query string
     * (possibly malformed, possibly null) are known. Empty keeps the server's generic error body.
     */
    default Optional<RefusedReply> refused(int status, String rawQuery) {
        return Optional.empty();
    }

    /** A complete error answer: HTTP status, content type and body. */
    record RefusedReply(int status, String contentType, String body) {
    }
}
