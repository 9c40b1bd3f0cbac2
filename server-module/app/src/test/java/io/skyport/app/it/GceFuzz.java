package io.skyport.app.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated GCE requests: every method of the discovery document, its path filled with real or
 * made-up names, random query parameters, bodies that are random JSON, JSON of the wrong type or
 * not JSON at all; tokens valid, unknown, expired or absent; broken escapes, oversized bodies,
 * broken batch requests and OAuth2 token requests.
 */
final class GceFuzz {
    private static final Pattern VAR = Pattern.compile("\\{\\+?(\\w+)}");
    private static final List<String> FIELDS = List.of("name", "description", "machineType", "sizeGb", "sourceImage",
            "disks", "networkInterfaces", "allowed", "denied", "sourceRanges", "targetTags", "labels",
            "labelFingerprint", "fingerprint", "items", "metadata", "address", "type", "zone", "network", "direction",
            "priority", "tags", "deviceName", "source", "autoDelete", "boot", "kind", "id", "selfLink", "status");
    private final FuzzContext ctx;
    private final FuzzValues v;

    GceFuzz(FuzzContext ctx, FuzzValues values) {
        this.ctx = ctx;
        this.v = values;
    }

    ApiFuzzIT.Probe next() {
        FuzzContext.GceMethod m = v.pick(ctx.gceMethods);
        String path = "/compute/v1/" + fill(m.path());
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> q : m.queryParams().entrySet()) {
            if (v.chance(25)) {
                appendQuery(query, q.getKey(), "integer".equals(q.getValue()) || "number".equals(q.getValue())
                        ? v.number() : "boolean".equals(q.getValue()) ? v.pick(List.of("true", "false", "yes"))
                        : v.any());
            }
        }
        if (v.chance(8)) {
            appendQuery(query, v.word(1 + v.random().nextInt(8)), v.any());
        }
        String verb = m.verb();
        String body = m.hasBody() || v.chance(5) ? body() : null;
        boolean mutating = !"GET".equals(verb);
        String what = m.id() + " " + verb + " " + path + (query.length() > 0 ? "?" + query : "")
                + (body == null ? "" : " body " + ApiFuzzIT.abbreviate(body));
        String target = path + (query.length() > 0 ? "?" + query : "");
        int mode = v.random().nextInt(100);
        if (mode < 60) {
            return call("token " + what, true, mutating, verb, target, ctx.gce.token(), body);
        } else if (mode < 66) {
            return call("unknown token " + what, false, mutating, verb, target, v.chance(50) ? v.word(40)
                    : v.any().replaceAll("[\\r\\n\\u0000-\\u001f\\u007f-\\uffff]", ""), body);
        } else if (mode < 72) {
            String audience = ctx.server.baseUrl() + "/compute/v1/";
            String expired = ctx.gce.jwt(audience, Instant.now().minusSeconds(3600 * (2 + v.random().nextInt(1000))));
            return call("expired self-signed JWT " + what, false, mutating, verb, target, expired, body);
        } else if (mode < 76) {
            return call("no token " + what, false, mutating, verb, target, null, body);
        } else if (mode < 84) {
            String bad = v.brokenEscape();
            int at = path.length() - v.random().nextInt(Math.min(path.length() - 12, 30) + 1);
            String broken = v.chance(50) ? path.substring(0, at) + bad + path.substring(at)
                    + (query.length() > 0 ? "?" + query : "") : path + "?" + query + "&filter=" + bad;
            // the token is valid: an escape that decodes after all (or that the lenient query decoding
            // takes) may be answered like any call of this tenant
            return call("broken escape " + bad + " " + what, true, mutating, verb, broken, ctx.gce.token(), body);
        } else if (mode < 87) {
            String huge = "{\"name\":\"" + "a".repeat((4 << 20) + 100) + "\"}";
            return call("oversized body " + what, false, true, "POST", target, ctx.gce.token(), huge);
        } else if (mode < 91) {
            return batch(what, path, verb, body);
        } else if (mode < 95) {
            return tokenRequest();
        } else {
            String method = v.pick(List.of("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD".equals(verb) ? "GET" : "POST"));
            return call(method + " instead of " + what, true, !"GET".equals(method), method, target, ctx.gce.token(),
                    body);
        }
    }

    /** The method's path with each variable a real name, a made-up one, or something odd (escaped). */
    private String fill(String template) {
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String var = m.group(1);
            String value = switch (var) {
                case "project" -> v.chance(85) ? ctx.gce.project() : v.chance(50) ? "debian-cloud" : v.any();
                case "zone" -> v.chance(80) ? ctx.zoneName : v.any();
                case "region" -> v.chance(80) ? ctx.regionName : v.any();
                default -> v.chance(40) ? v.pick(ctx.gceNames) : v.chance(30) ? v.number() : v.any();
            };
            if (value.isEmpty()) {
                value = "x";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void appendQuery(StringBuilder q, String name, String value) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private String body() {
        int roll = v.random().nextInt(100);
        if (roll < 15) {
            return v.pick(List.of("{", "{\"name\":", "[1,2", "nul", "{\"a\":1,}", "{'name':'x'}", "\u0000\u0001",
                    "{\"name\":\"\\uZZZZ\"}", "{\"name\":\"x\"}}", "", "{\"a\":" + "[".repeat(5000)));
        }
        if (roll < 25) {
            return randomJson(0).toString();
        }
        JsonObject o = new JsonObject();
        for (String f : FIELDS) {
            if (v.chance(20)) {
                o.add(f, "name".equals(f) && v.chance(60) ? new JsonPrimitive(v.chance(50) ? "fz" + v.word(6)
                        : v.pick(ctx.gceNames)) : randomJson(1));
            }
        }
        return o.toString();
    }

    private JsonElement randomJson(int depth) {
        int roll = v.random().nextInt(depth > 2 ? 4 : 7);
        return switch (roll) {
            case 0 -> new JsonPrimitive(v.any());
            case 1 -> new JsonPrimitive(v.random().nextLong());
            case 2 -> new JsonPrimitive(v.random().nextBoolean());
            case 3 -> JsonNull.INSTANCE;
            case 4 -> new JsonPrimitive(v.random().nextDouble() * 1e300);
            case 5 -> {
                JsonArray a = new JsonArray();
                for (int i = v.random().nextInt(4); i > 0; i--) {
                    a.add(randomJson(depth + 1));
                }
                yield a;
            }
            default -> {
                JsonObject o = new JsonObject();
                for (int i = v.random().nextInt(4); i > 0; i--) {
                    o.add(v.chance(50) ? v.pick(FIELDS) : v.word(5), randomJson(depth + 1));
                }
                yield o;
            }
        };
    }

    /** A batch request: sometimes well formed around a generated call, often broken multipart. */
    private ApiFuzzIT.Probe batch(String what, String path, String verb, String body) {
        String boundary = "b" + v.word(8);
        String part = "--" + boundary + "\r\nContent-Type: application/http\r\nContent-ID: <1>\r\n\r\n" + verb + " "
                + path + " HTTP/1.1\r\nContent-Type: application/json\r\n\r\n" + (body == null ? "" : body) + "\r\n";
        String payload = switch (v.random().nextInt(4)) {
            case 0 -> part + "--" + boundary + "--";
            case 1 -> part;
            case 2 -> "--" + boundary + "\r\n" + v.any();
            default -> v.any();
        };
        String type = v.chance(80) ? "multipart/mixed; boundary=" + boundary : v.pick(List.of("multipart/mixed",
                "application/json", "text/plain", "multipart/mixed; boundary="));
        int port = ctx.port();
        boolean mutating = !"GET".equals(verb);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("Authorization", "Bearer " + ctx.gce.token());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new ApiFuzzIT.Probe("gce", "batch " + what, true, mutating, () -> RawHttp.send(port, "POST",
                "/batch/compute/v1", headers, bytes));
    }

    /** The OAuth2 token endpoint with a wrong grant, a broken or forged assertion, or nothing. */
    private ApiFuzzIT.Probe tokenRequest() {
        String assertion = switch (v.random().nextInt(5)) {
            case 0 -> v.any();
            case 1 -> ctx.gce.jwt("http://127.0.0.1:1/token", Instant.now());
            case 2 -> ctx.gce.jwt(ctx.gce.keyFile().get("token_uri").getAsString(), Instant.now().minusSeconds(86_400));
            case 3 -> {
                String jwt = ctx.gce.jwt(ctx.gce.keyFile().get("token_uri").getAsString(), Instant.now());
                yield jwt.substring(0, jwt.lastIndexOf('.') + 1) + v.word(20);
            }
            default -> "a.b.c";
        };
        String grant = v.chance(80) ? "urn:ietf:params:oauth:grant-type:jwt-bearer" : v.any();
        String form = "grant_type=" + URLEncoder.encode(grant, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion, StandardCharsets.UTF_8) + (v.chance(10) ? v.brokenEscape() : "");
        String target = v.chance(50) ? "/oauth2/token" : "/o/oauth2/token";
        int port = ctx.port();
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        return new ApiFuzzIT.Probe("gce-oauth", "token grant " + grant + " " + ApiFuzzIT.abbreviate(assertion), false,
                false, () -> RawHttp.send(port, "POST", target, Map.of("Content-Type",
                "application/x-www-form-urlencoded"), bytes));
    }

    private ApiFuzzIT.Probe call(String what, boolean validAuth, boolean mutating, String verb, String target,
                                 String bearer, String body) {
        int port = ctx.port();
        Map<String, String> headers = new LinkedHashMap<>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        byte[] sent = bytes;
        return new ApiFuzzIT.Probe("gce", what, validAuth, mutating, () -> RawHttp.send(port, verb, target, headers,
                sent));
    }
}
