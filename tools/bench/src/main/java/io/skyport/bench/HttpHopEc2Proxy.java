package io.skyport.bench;

import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
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
final class HttpHopEc2Proxy extends HttpHopProxy {
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/,\\s]+)/");

    private final Map<String, RequestSigner> signers = new HashMap<>();
    private final DescribeInstancesXml translator;
    private final int pageSize;

    /**
     * @param nativeBaseUrl e.g. {@code http://127.0.0.1:8080}
     * @param pageSize      the listVirtualMachines page size, large enough for every instance
     * @param instanceIds   VM uuid to EC2 instance id, see {@link DescribeInstancesXml}
     */
    HttpHopEc2Proxy(String nativeBaseUrl, int pageSize, UnaryOperator<String> instanceIds) {
        super(nativeBaseUrl);
        this.pageSize = pageSize;
        this.translator = new DescribeInstancesXml(instanceIds);
    }

    /** Registers a user's keys, as ec2stack users registered theirs before their first call. */
    HttpHopEc2Proxy register(String apiKey, String secretKey) {
        signers.put(apiKey, new RequestSigner(apiKey, secretKey));
        return this;
    }

    HttpHopEc2Proxy start() throws Exception {
        listen();
        return this;
    }

    @Override
    void serve(Request request, Response response, Callback callback) throws Exception {
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
            answer = callNative(signer, call);
        } catch (IOException e) {
            error(response, callback, 503, "Unavailable", "native API unreachable: " + e);
            return;
        }
        if (answer.statusCode() != 200) {
            error(response, callback, 500, "InternalError", "native API answered HTTP " + answer.statusCode());
            return;
        }
        String xml = translator.render(answer.body(), signer.apiKey());
        write(response, callback, 200, "text/xml;charset=UTF-8", xml);
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
        write(response, callback, status, "text/xml;charset=UTF-8", xml.toString());
    }
}
