package io.skyport.ec2.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 2 (older clients, libcloud's EC2-compatible drivers): an HMAC over the
 * method, host, path and the sorted, encoded parameters except the signature itself.
 */
public final class SigV2 {
    private SigV2() {
    }

    public static boolean present(Map<String, String> params) {
        return params.containsKey("AWSAccessKeyId") && params.containsKey("Signature");
    }

    /** Null when the signature method is not one SigV2 defines. */
    public static String sign(SignedRequest r, String secret) {
        String method = r.params().getOrDefault("SignatureMethod", "HmacSHA256");
        String algorithm = switch (method) {
            case "HmacSHA256" -> "HmacSHA256";
            case "HmacSHA1" -> "HmacSHA1";
            default -> null;
        };
        if (algorithm == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(512);
        String host = r.header("host");
        sb.append(r.method()).append('\n').append(host == null ? "" : host.toLowerCase(Locale.ROOT)).append('\n');
        String path = r.rawPath() == null || r.rawPath().isEmpty() ? "/" : Rfc3986.decode(r.rawPath());
        sb.append(Rfc3986.encode(path, true)).append('\n');
        TreeMap<String, String> sorted = new TreeMap<>(r.params());
        sorted.remove("Signature");
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(Rfc3986.encode(e.getKey(), false)).append('=').append(Rfc3986.encode(e.getValue(), false));
        }
        byte[] mac = SigV4.hmac(algorithm, secret.getBytes(StandardCharsets.UTF_8),
                sb.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }
}
