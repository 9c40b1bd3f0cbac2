package io.skyport.ec2.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Builds {@link SignedRequest}s as the endpoint would receive them: from raw request parts, or
 * from a request signed by the AWS SDK for Java's own SigV4 signer (an implementation independent
 * of {@link SigV4}).
 */
final class Requests {
    private Requests() {
    }

    /** A request as received: raw path and query, headers by lower-case name, the body's bytes. */
    static SignedRequest raw(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(v));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        TreeMap<String, String> params = new TreeMap<>();
        parse(rawQuery, params);
        String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (body != null && type != null && type.startsWith("application/x-www-form-urlencoded")) {
            parse(body, params);
        }
        return new SignedRequest(method, rawPath, rawQuery, h, bytes, params);
    }

    private static void parse(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
    }

    static Clock clock(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    /** An EC2 Query POST (form body) signed by the SDK's signer in the Authorization header. */
    static SignedRequest sdkPost(String accessKey, String secret, String region, String service, Clock clock,
                                 String form) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(java.net.URI.create("https://ec2.skyport.test/ec2"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secret)).request(request)
                .payload(ContentStreamProvider.fromUtf8String(form))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        return received(signed, form);
    }

    /** An EC2 Query GET signed by the SDK's signer in the query string (a presigned URL). */
    static SignedRequest sdkPresignedGet(String accessKey, String secret, String region, String service, Clock clock,
                                         Duration expiry, Map<String, String> params) {
        return sdkPresignedGet(accessKey, secret, region, service, clock, expiry, params, true);
    }

    /** A presigned GET; without payload signing the SDK signs UNSIGNED-PAYLOAD, as S3 presigners do. */
    static SignedRequest sdkPresignedGet(String accessKey, String secret, String region, String service, Clock clock,
                                         Duration expiry, Map<String, String> params, boolean payloadSigning) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(java.net.URI.create("https://ec2.skyport.test/ec2"));
        params.forEach(b::putRawQueryParameter);
        SdkHttpRequest request = b.build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secret)).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        return received(signed, null);
    }

    /** What the server sees of a request the SDK signed: its encoded path and query, headers, body. */
    static SignedRequest received(SdkHttpRequest signed, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name, values.get(0)));
        if (headers.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            headers.put("Host", signed.host());
        }
        String query = signed.encodedQueryParameters().orElse(null);
        return raw(signed.method().name(), signed.encodedPath(), query, headers, body);
    }

    /** The same request with one decoded parameter changed (the signature left as it was). */
    static SignedRequest withParam(SignedRequest r, String name, String value) {
        TreeMap<String, String> params = new TreeMap<>(r.params());
        params.put(name, value);
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), r.body(), params);
    }

    /** The same request with the form body replaced (the signature left as it was). */
    static SignedRequest withBody(SignedRequest r, String form) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        return raw(r.method(), r.rawPath(), r.rawQuery(), headers, form);
    }

    /** The same request with its raw query replaced (the signature left as it was). */
    static SignedRequest withQuery(SignedRequest r, String rawQuery) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        return raw(r.method(), r.rawPath(), rawQuery, headers, r.body().length == 0 ? null
                : new String(r.body(), StandardCharsets.UTF_8));
    }
}
