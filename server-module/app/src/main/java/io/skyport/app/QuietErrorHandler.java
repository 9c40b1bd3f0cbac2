package io.skyport.app;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (oversized headers, malformed requests) get a short JSON body
 * with their 4xx status: no HTML page, no stack trace.
 */
class QuietErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        response.getHeaders().put("Content-Type", "application/json");
        String body = "{\"error\":" + status + "}";
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
