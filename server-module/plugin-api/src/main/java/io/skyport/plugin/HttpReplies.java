package io.skyport.plugin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Whole HTTP answers written at once, with their length, by the server's routers and the metadata endpoints. */
public final class HttpReplies {
    private HttpReplies() {
    }

    /** Writes the status, content type, length and body. */
    public static void write(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** Writes a text body in UTF-8. */
    public static void writeText(HttpServletResponse resp, int status, String contentType, String body)
            throws IOException {
        write(resp, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
