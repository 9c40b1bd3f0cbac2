package io.skyport.app.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * EC2 Query requests as the AWS SDK for Java v2 sends them: a form-encoded POST, signed with the
 * SDK's own SigV4 signer (not the server's verifier), freshly for every request. Shared by the
 * benchmarks and the cluster provisioner.
 */
public final class Ec2RequestSigner {
    public static final String SERVICE = "ec2";
    public static final String REGION = "skyport-1";
    public static final String API_VERSION = "2016-11-15";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** Set by java.net.http itself; it refuses them as request headers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity credentials;

    public Ec2RequestSigner(String accessKey, String secretKey) {
        this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
    }

    /** A signed POST of {@code Action=...&Version=2016-11-15&params} to the endpoint. */
    public HttpRequest request(URI endpoint, String action, Map<String, String> params) {
        StringBuilder body = new StringBuilder("Action=").append(encode(action)).append("&Version=").append(API_VERSION);
        params.forEach((k, v) -> body.append('&').append(encode(k)).append('=').append(encode(v)));
        String form = body.toString();
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", FORM).build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials).request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(form))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION));
        HttpRequest.Builder out = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                h.getValue().forEach(v -> out.header(h.getKey(), v));
            }
        }
        return out.build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
