package io.skyport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The baseline the in-process EC2 API is measured against: a translator one HTTP hop in front
 * of the native API, built like the retired ec2stack proxy. For each EC2 DescribeInstances
 * request it looks up the caller's secret key in its own key table, signs a native
 * {@code listVirtualMachines} call, sends it over HTTP, parses the JSON answer and renders the
 * EC2 XML ({@link DescribeInstancesXml}).
 *
 * <p>It is kept fair: a keep-alive HTTP client, the same Jetty as the server, no artificial
 * delays. It does not verify the incoming SigV4 signature (ec2stack did verify its requests),
 * so it is, if anything, cheaper than the proxy it stands for.
 */
final class HttpHopEc2Proxy implements AutoCloseable {
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/,\\s]+)/");

    private final Server server;
    private final HttpClient http;
    private final String nativeApi;
    private final Map<String, RequestSigner> signers = new HashMap<>();
    private final DescribeInstancesXml translator;
    private final int pageSize;

    /**
     * @param nativeBaseUrl e.g. {@code http://127.0.0.1:8080}
     * @param pageSize      the listVirtualMachines page size, large enough for every instance
     * @param instanceIds   VM uuid to EC2 instance id, see {@link DescribeInstancesXml}
     */
    HttpHopEc2Proxy(String nativeBaseUrl, int pageSize, UnaryOperator<String> instanceIds) {
        this.nativeApi = nativeBaseUrl + "/client/api?";
        this.pageSize = pageSize;
        this.translator = new DescribeInstancesXml(instanceIds);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
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

    /** Registers a user's keys, as ec2stack users registered theirs before their first call. */
    HttpHopEc2Proxy register(String apiKey, String secretKey) {
        signers.put(apiKey, new RequestSigner(apiKey, secretKey));
        return this;
    }

    HttpHopEc2Proxy start() throws Exception {
        server.start();
        return this;
    }

    /** The EC2 endpoint of the proxy, e.g. {@code http://127.0.0.1:41234/}. */
    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/";
    }

    private void serve(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> params = form(request.getHttpURI().getQuery());
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            params.putAll(form(Content.Source.asString(request, StandardCharsets.UTF_8)));
        }
        RequestSigner signer = signerFor(request, params);
        if (signer == null) {
            error(response, callback, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
            return;
        }
        if (!"DescribeInstances".equals(params.get("Action"))) {
            error(response, callback, 400, "InvalidAction", "The action " + params.get("Action") + " is not valid "
                    + "for this web service.");
            return;
        }
        Map<String, String> call = new LinkedHashMap<>();
        call.put("command", "listVirtualMachines");
        call.put("response", "json");
        call.put("pagesize", Integer.toString(pageSize));
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(nativeApi + signer.signedQuery(call)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            error(response, callback, 503, "Unavailable", "native API unreachable: " + e);
            return;
        }
        if (answer.statusCode() != 200) {
            error(response, callback, 500, "InternalError", "native API answered HTTP " + answer.statusCode());
            return;
        }
        String xml = translator.render(answer.body(), signer.apiKey());
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml;charset=UTF-8");
        Content.Sink.write(response, true, xml, callback);
    }

    /** SigV4 names the access key in the Authorization header, SigV2 in a parameter. */
    private RequestSigner signerFor(Request request, Map<String, String> params) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String key = params.get("AWSAccessKeyId");
        if (authorization != null) {
            Matcher m = ACCESS_KEY.matcher(authorization);
            key = m.find() ? m.group(1) : null;
        }
        return key == null ? null : signers.get(key);
    }

    private static void error(Response response, Callback callback, int status, String code, String message) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>")
                .append(code).append("</Code><Message>");
        DescribeInstancesXml.escape(xml, message);
        xml.append("</Message></Error></Errors><RequestID>0</RequestID></Response>\n");
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml;charset=UTF-8");
        Content.Sink.write(response, true, xml.toString(), callback);
    }

    private static Map<String, String> form(String encoded) {
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
