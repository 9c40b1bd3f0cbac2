package io.skyport.app;

import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.ApiEndpoint.RefusedReply;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (malformed URIs and percent-escapes, oversized headers): under an
 * API's prefix, that API's own error body (a client of /ec2 parses EC2 XML, not Jetty's page);
 * elsewhere a short JSON body with the 4xx status. Never an HTML page or a stack trace.
 */
class QuietErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    /** The target Jetty gives the stand-in request of a request line it could not parse. */
    private static final String BAD_MESSAGE = "/badMessage";

    private final Function<String, Optional<ApiEndpoint>> endpointForRawPath;

    QuietErrorHandler(Function<String, Optional<ApiEndpoint>> endpointForRawPath) {
        this.endpointForRawPath = endpointForRawPath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String[] target = target(request);
        Optional<RefusedReply> reply = endpointForRawPath.apply(target[0]).flatMap(e -> e.refused(status, target[1]));
        if (reply.isPresent()) {
            response.setStatus(reply.get().status());
            response.getHeaders().put("Content-Type", reply.get().contentType());
            Content.Sink.write(response, true, reply.get().body(), callback);
            return true;
        }
        response.getHeaders().put("Content-Type", "application/json");
        Content.Sink.write(response, true, "{\"error\":" + status + "}", callback);
        return true;
    }

    /** Raw path and query of the refused request, from its URI or else from its request line's start. */
    private static String[] target(Request request) {
        HttpURI uri = request.getHttpURI();
        if (uri != null && uri.getPath() != null && !BAD_MESSAGE.equals(uri.getPath())) {
            return new String[] {uri.getPath(), uri.getQuery()};
        }
        String line = request.getConnectionMetaData() == null ? null
                : RequestLineConnectionFactory.requestLine(request.getConnectionMetaData().getConnection());
        if (line == null || line.indexOf(' ') < 0) {
            return new String[] {null, null};
        }
        String t = line.substring(line.indexOf(' ') + 1);
        int space = t.indexOf(' ');
        t = space < 0 ? t : t.substring(0, space);
        int scheme = t.indexOf("://");
        if (scheme > 0 && scheme < 6) {
            int slash = t.indexOf('/', scheme + 3);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int q = t.indexOf('?');
        return q < 0 ? new String[] {t, null} : new String[] {t.substring(0, q), t.substring(q + 1)};
    }
}
