package io.skyport.app.it;

import io.skyport.api.auth.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Generated native API requests: every command of listApis, signed well, badly, or not at all. */
final class NativeFuzz {
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private final FuzzContext ctx;
    private final FuzzValues v;

    NativeFuzz(FuzzContext ctx, FuzzValues values) {
        this.ctx = ctx;
        this.v = values;
    }

    /** Commands that only read: an admin may fuzz them too without changing anything on purpose. */
    static boolean readOnly(String command) {
        String c = command.toLowerCase(Locale.ROOT);
        return c.startsWith("list") || c.startsWith("get") || c.startsWith("query");
    }

    ApiFuzzIT.Probe next() {
        FuzzContext.NativeApi api = v.pick(ctx.nativeApis);
        Map<String, String> p = new LinkedHashMap<>();
        String command = api.name();
        if (v.chance(3)) {
            command = v.chance(50) ? command.toUpperCase(Locale.ROOT) : v.any();
        }
        p.put("command", command);
        for (String[] param : api.params()) {
            if (v.chance(50)) {
                p.put(param[0], v.of(param[1]));
            }
        }
        if (v.chance(15)) {
            p.put("tags[0].key", v.any());
            p.put("tags[0].value", v.any());
        }
        if (v.chance(10)) {
            p.put(v.word(1 + v.random().nextInt(10)), v.any());
        }
        if (v.chance(50)) {
            p.put("response", v.chance(90) ? "json" : v.any());
        }
        boolean mutating = !readOnly(command);
        int mode = v.random().nextInt(100);
        String what = command + " " + p.keySet();
        if (mode < 45) {
            return get("user " + what, true, mutating, sign(p, ctx.tenant));
        } else if (mode < 55) {
            if (readOnly(command)) {
                return get("admin " + what, true, false, sign(p, ctx.admin));
            }
            return get("user " + what, true, mutating, sign(p, ctx.tenant));
        } else if (mode < 62) {
            Map<String, String> signed = sign(p, ctx.tenant);
            signed.put("signature", v.chance(50) ? SignatureVerifier.sign(p, "wrong" + ctx.tenant.secret()) : v.any());
            return get("bad signature " + what, false, mutating, signed);
        } else if (mode < 68) {
            p.put("signatureversion", "3");
            p.put("expires", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1 + v.random().nextInt(100_000))
                    .format(EXPIRES));
            return get("expired " + what, false, mutating, sign(p, ctx.tenant));
        } else if (mode < 72) {
            p.put("signatureversion", "3");
            p.put("expires", v.chance(50) ? v.any() : "2026-13-45T99:99:99+9999");
            return get("malformed expires " + what, false, mutating, sign(p, ctx.tenant));
        } else if (mode < 76) {
            p.put("apiKey", v.chance(50) ? v.any() : UUID.randomUUID().toString());
            p.put("signature", SignatureVerifier.sign(p, ctx.tenant.secret()));
            return get("unknown key " + what, false, mutating, p);
        } else if (mode < 80) {
            if (v.chance(50)) {
                p.put("sessionkey", v.chance(50) ? v.any() : UUID.randomUUID().toString());
            }
            return get("unsigned " + what, false, mutating, p);
        } else if (mode < 88) {
            return broken(what, p, mutating);
        } else if (mode < 96) {
            Map<String, String> signed = sign(p, ctx.tenant);
            byte[] body = NativeClient.query(signed).getBytes(StandardCharsets.UTF_8);
            return send("POST form user " + what, true, mutating, "POST", "/client/api",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        } else if (mode < 98) {
            byte[] body = ("command=listZones&x=" + "y".repeat(2 << 20)).getBytes(StandardCharsets.UTF_8);
            return send("oversized POST", false, false, "POST", "/client/api",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        } else {
            String query = NativeClient.query(sign(p, ctx.tenant));
            String method = v.pick(java.util.List.of("PUT", "DELETE", "PATCH", "OPTIONS"));
            return send(method + " " + what, true, mutating, method, "/client/api?" + query, Map.of(), null);
        }
    }

    /** A signed query with a broken escape spliced in (the signature no longer fits, or never did). */
    private ApiFuzzIT.Probe broken(String what, Map<String, String> p, boolean mutating) {
        String query = NativeClient.query(sign(p, ctx.tenant));
        int at = v.random().nextInt(query.length() + 1);
        String target;
        String bad = v.brokenEscape();
        if (v.chance(80)) {
            target = "/client/api?" + query.substring(0, at) + bad + query.substring(at);
        } else {
            target = "/client/api/" + bad + "?" + query;
        }
        return send("broken escape " + bad + " " + what, false, mutating, "GET", target, Map.of(), null);
    }

    private Map<String, String> sign(Map<String, String> p, NativeClient who) {
        Map<String, String> out = new LinkedHashMap<>(p);
        out.put("apiKey", who.apiKey());
        out.put("signature", SignatureVerifier.sign(out, who.secret()));
        return out;
    }

    private ApiFuzzIT.Probe get(String what, boolean validAuth, boolean mutating, Map<String, String> params) {
        return send(what, validAuth, mutating, "GET", "/client/api?" + NativeClient.query(params), Map.of(), null);
    }

    private ApiFuzzIT.Probe send(String what, boolean validAuth, boolean mutating, String method, String target,
                                 Map<String, String> headers, byte[] body) {
        int port = ctx.port();
        return new ApiFuzzIT.Probe("native", what, validAuth, mutating, () -> RawHttp.send(port, method, target,
                headers, body));
    }
}
