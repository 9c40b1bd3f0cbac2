package io.skyport.app.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made EC2 Query requests (signed with the AWS SDK's SigV4 signer, or not at all), for the
 * inputs no stock client would send: unknown actions, missing or malformed parameters.
 */
final class Ec2Raw {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

    record Reply(int status, String contentType, String body) {
        String code() {
            Matcher m = CODE.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private Ec2Raw() {
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    /** POSTs the form signed with SigV4 for the given region, or unsigned when {@code secret} is null. */
    static Reply post(TestServer server, String accessKey, String secret, String region, Map<String, String> params)
            throws IOException, InterruptedException {
        return post(server.baseUrl(), accessKey, secret, region, params);
    }

    /** The same, to the server at {@code baseUrl} (one node of several, say). */
    static Reply post(String baseUrl, String accessKey, String secret, String region, Map<String, String> params)
            throws IOException, InterruptedException {
        String body = form(params);
        URI uri = URI.create(baseUrl + "/ec2");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(accessKey, secret)).request(request)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            signed.request().headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    values.forEach(v -> http.header(name, v));
                }
            });
        } else {
            http.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        }
        HttpResponse<String> resp = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""), resp.body());
    }

    static Map<String, String> action(String action, String... kv) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("Action", action);
        out.put("Version", "2016-11-15");
        List<String> pairs = List.of(kv);
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            out.put(pairs.get(i), pairs.get(i + 1));
        }
        return out;
    }
}
