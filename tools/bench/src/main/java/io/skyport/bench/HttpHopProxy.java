package io.skyport.bench;

import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * What the HTTP-hop baselines share: a Jetty server of their own on a free loopback port, the
 * same Jetty as the Skyport server, and a keep-alive HTTP client that sends signed native API
 * calls one hop further. A subclass translates one compatible API's request into native calls
 * and their answers back.
 */
abstract class HttpHopProxy implements AutoCloseable {
    private final Server server;
    private final HttpClient http;
    private final String nativeApi;

    /** @param nativeBaseUrl e.g. {@code http://127.0.0.1:8080} */
    HttpHopProxy(String nativeBaseUrl) {
        this.nativeApi = nativeBaseUrl + "/client/api?";
        this.http = NativeApiClient.newHttpClient();
        this.server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
    }

    /** Answers one request of the compatible API. */
    abstract void serve(Request request, Response response, Callback callback) throws Exception;

    /** Starts listening on its port. */
    void listen() throws Exception {
        server.start();
    }

    /** The root of the proxy, e.g. {@code http://127.0.0.1:41234/}. */
    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/";
    }

    /** A native API call signed with the caller's keys; throws IOException when the native API is unreachable. */
    HttpResponse<String> callNative(RequestSigner signer, Map<String, String> params)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(nativeApi + signer.signedQuery(params)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static void write(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        Content.Sink.write(response, true, body, callback);
    }

    /** Decoded {@code name=value} pairs of a query string or form body; the last of a repeated name wins. */
    static Map<String, String> form(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
