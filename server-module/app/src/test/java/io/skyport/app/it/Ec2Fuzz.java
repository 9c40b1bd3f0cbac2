package io.skyport.app.it;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Generated EC2 Query requests: every action of the catalog, with parameters named after the
 * SDK's request shape of the action (botocore's model) plus unknown ones, and SigV4 signatures
 * that are valid, made with a wrong secret or an unknown key, skewed in time, tampered with after
 * signing, malformed, or absent; SigV2 with a bad signature; broken escapes; oversized bodies.
 */
final class Ec2Fuzz {
    private final FuzzContext ctx;
    private final FuzzValues v;
    private final Map<String, List<String[]>> shapes = new ConcurrentHashMap<>();

    Ec2Fuzz(FuzzContext ctx, FuzzValues values) {
        this.ctx = ctx;
        this.v = values;
    }

    static boolean readOnly(String action) {
        return action.startsWith("Describe") || action.startsWith("Get");
    }

    /** The wire names and types of the action's request members, from the SDK's request class. */
    private List<String[]> shape(String action) {
        return shapes.computeIfAbsent(action, a -> {
            List<String[]> out = new ArrayList<>();
            try {
                Class<?> type = Class.forName("software.amazon.awssdk.services.ec2.model." + a + "Request");
                Method builder = type.getMethod("builder");
                SdkPojo pojo = (SdkPojo) builder.invoke(null);
                for (SdkField<?> f : pojo.sdkFields()) {
                    out.add(new String[] {f.locationName(), f.marshallingType().toString()});
                }
            } catch (ReflectiveOperationException e) {
                // an action the SDK does not know: unknown parameters only
            }
            return out;
        });
    }

    ApiFuzzIT.Probe next() {
        String action = v.pick(ctx.ec2Actions);
        Map<String, String> p = new LinkedHashMap<>();
        if (v.chance(3)) {
            action = v.chance(50) ? action.toLowerCase(java.util.Locale.ROOT) : v.word(8);
        }
        p.put("Action", action);
        if (v.chance(95)) {
            p.put("Version", v.chance(95) ? "2016-11-15" : v.any());
        }
        for (String[] member : shape(action)) {
            if (!v.chance(40)) {
                continue;
            }
            String name = member[0];
            String type = member[1];
            switch (type) {
                case "LIST" -> {
                    p.put(name + ".1", value("STRING"));
                    if (v.chance(30)) {
                        p.put(name + "." + (v.chance(50) ? "2" : v.number()), value("STRING"));
                    }
                }
                case "SDK_POJO" -> p.put(name + "." + v.pick(List.of("Key", "Value", "Name", "1.Name", "Enabled")),
                        value("STRING"));
                default -> p.put(name, value(type));
            }
        }
        if (v.chance(20)) {
            p.put("Filter.1.Name", v.chance(50) ? v.pick(List.of("instance-id", "tag:Name", "group-name",
                    "instance-state-name", "volume-id", "public-ip")) : v.any());
            p.put("Filter.1.Value.1", value("STRING"));
        }
        if (v.chance(10)) {
            p.put(v.word(1 + v.random().nextInt(10)), v.any());
        }
        if (v.chance(10)) {
            p.put("DryRun", v.chance(50) ? "true" : v.any());
        }
        boolean mutating = !readOnly(action) && !"true".equals(p.get("DryRun"));
        String what = action + " " + p.keySet();
        int mode = v.random().nextInt(100);
        if (mode < 50) {
            return sigV4("signed " + what, true, mutating, p, ctx.tenant.apiKey(), ctx.tenant.secret(), Duration.ZERO,
                    false);
        } else if (mode < 57) {
            return sigV4("wrong secret " + what, false, mutating, p, ctx.tenant.apiKey(), "x" + ctx.tenant.secret(),
                    Duration.ZERO, false);
        } else if (mode < 64) {
            Duration skew = v.pick(List.of(Duration.ofMinutes(-16), Duration.ofMinutes(16), Duration.ofHours(-3),
                    Duration.ofDays(-400), Duration.ofDays(30)));
            return sigV4("skewed " + skew + " " + what, false, mutating, p, ctx.tenant.apiKey(), ctx.tenant.secret(),
                    skew, false);
        } else if (mode < 70) {
            return sigV4("tampered " + what, false, mutating, p, ctx.tenant.apiKey(), ctx.tenant.secret(),
                    Duration.ZERO, true);
        } else if (mode < 74) {
            return sigV4("unknown key " + what, false, mutating, p, "AKIA" + v.word(16).toUpperCase(java.util.Locale.ROOT),
                    ctx.tenant.secret(), Duration.ZERO, false);
        } else if (mode < 78) {
            return post("unsigned " + what, false, mutating, "/ec2", form(p), Map.of("Content-Type",
                    "application/x-www-form-urlencoded; charset=utf-8"));
        } else if (mode < 82) {
            String header = v.pick(List.of("AWS4-HMAC-SHA256 " + v.any(), "AWS4-HMAC-SHA256 Credential=" + v.any()
                    + ", SignedHeaders=host, Signature=" + v.word(64), "AWS " + v.any(), v.any(), "Bearer x"));
            return post("malformed Authorization " + what, false, mutating, "/ec2", form(p), Map.of("Content-Type",
                    "application/x-www-form-urlencoded; charset=utf-8", "Authorization", header.replaceAll("[\\r\\n]",
                    ""), "X-Amz-Date", "20260101T000000Z"));
        } else if (mode < 85) {
            p.put("AWSAccessKeyId", ctx.tenant.apiKey());
            p.put("SignatureVersion", v.chance(80) ? "2" : v.any());
            p.put("SignatureMethod", v.chance(80) ? "HmacSHA256" : v.any());
            p.put("Timestamp", v.chance(50) ? "2020-01-01T00:00:00Z" : v.any());
            p.put("Signature", v.chance(50) ? v.word(44) : v.any());
            return post("SigV2 bad signature " + what, false, mutating, "/ec2", form(p), Map.of("Content-Type",
                    "application/x-www-form-urlencoded"));
        } else if (mode < 88) {
            p.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
            p.put("X-Amz-Credential", ctx.tenant.apiKey() + "/20200101/" + Ec2Sdk.REGION + "/ec2/aws4_request");
            p.put("X-Amz-Date", v.chance(50) ? "20200101T000000Z" : v.any());
            p.put("X-Amz-Expires", v.chance(50) ? "60" : v.number());
            p.put("X-Amz-SignedHeaders", "host");
            p.put("X-Amz-Signature", v.word(64));
            int port = ctx.port();
            String target = "/ec2?" + form(p);
            return new ApiFuzzIT.Probe("ec2", "expired presigned " + what, false, mutating, () -> RawHttp.send(port,
                    "GET", target, Map.of(), null));
        } else if (mode < 95) {
            String body = form(p);
            int at = v.random().nextInt(body.length() + 1);
            String bad = v.brokenEscape();
            int port = ctx.port();
            if (v.chance(50)) {
                String broken = body.substring(0, at) + bad + body.substring(at);
                return sigV4Raw("broken escape in signed body " + bad + " " + what, mutating, broken);
            }
            String target = v.chance(50) ? "/ec2?" + body.substring(0, at) + bad + body.substring(at)
                    : "/ec2/" + bad + "?" + body;
            return new ApiFuzzIT.Probe("ec2", "broken escape " + bad + " in URI " + what, false, mutating,
                    () -> RawHttp.send(port, "GET", target, Map.of(), null));
        } else if (mode < 97) {
            String body = form(p) + "&UserData=" + "A".repeat((1 << 20) + 10);
            return sigV4Raw("oversized " + what, mutating, body);
        } else {
            int port = ctx.port();
            String method = v.pick(List.of("PUT", "DELETE", "PATCH"));
            String body = form(p);
            return new ApiFuzzIT.Probe("ec2", method + " " + what, false, mutating, () -> RawHttp.send(port, method,
                    "/ec2", Map.of("Content-Type", "application/x-www-form-urlencoded"), body.getBytes(
                    StandardCharsets.UTF_8)));
        }
    }

    private String value(String type) {
        return switch (type) {
            case "INTEGER", "LONG" -> v.number();
            case "BOOLEAN" -> v.chance(70) ? String.valueOf(v.random().nextBoolean()) : v.any();
            case "INSTANT" -> v.chance(50) ? "2026-01-01T00:00:00Z" : v.any();
            default -> v.chance(40) && !ctx.ec2Ids.isEmpty() ? v.pick(ctx.ec2Ids) : v.chance(20) ? v.pick(ctx.gceNames)
                    : v.any();
        };
    }

    static String form(Map<String, String> params) {
        return Ec2Raw.form(params);
    }

    /** A SigV4-signed POST; {@code tamper} changes the body after signing. */
    private ApiFuzzIT.Probe sigV4(String what, boolean validAuth, boolean mutating, Map<String, String> p,
                                  String key, String secret, Duration skew, boolean tamper) {
        String body = form(p);
        Map<String, String> headers = sign(body, key, secret, skew);
        String sent = tamper ? body + "&Tampered=" + v.word(3) : body;
        return post(what, validAuth, mutating, "/ec2", sent, headers);
    }

    /**
     * A body signed as it is (broken or huge): the signature fits, so the request is authenticated;
     * an escape that is well formed after all ({@code %00}) may be accepted.
     */
    private ApiFuzzIT.Probe sigV4Raw(String what, boolean mutating, String body) {
        Map<String, String> headers = sign(body, ctx.tenant.apiKey(), ctx.tenant.secret(), Duration.ZERO);
        return post(what, true, mutating, "/ec2", body, headers);
    }

    private Map<String, String> sign(String body, String key, String secret, Duration skew) {
        URI uri = URI.create(ctx.server.baseUrl() + "/ec2");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(key, secret)).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Ec2Sdk.REGION)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.offset(Clock.systemUTC(), skew)));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    private ApiFuzzIT.Probe post(String what, boolean validAuth, boolean mutating, String path, String body,
                                 Map<String, String> headers) {
        int port = ctx.port();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ApiFuzzIT.Probe("ec2", what, validAuth, mutating, () -> RawHttp.send(port, "POST", path, headers,
                bytes));
    }
}
