package io.skyport.api.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CloudStack request signatures: every parameter but {@code signature}, sorted by name,
 * values URL-encoded (spaces as %20), joined with {@code &}, the whole string lower-cased,
 * HMAC-SHA1 with the secret key, base64.
 */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    public static String canonical(Map<String, String> params) {
        List<String> names = new ArrayList<>();
        for (String n : params.keySet()) {
            if (!"signature".equalsIgnoreCase(n)) {
                names.add(n);
            }
        }
        names.sort((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)));
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(n).append('=')
                    .append(URLEncoder.encode(params.get(n), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    public static String sign(Map<String, String> params, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical(params).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** Constant-time comparison of the given signature with the one computed here. */
    public static boolean verify(Map<String, String> params, String signature, String secretKey) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(params, secretKey).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }
}
