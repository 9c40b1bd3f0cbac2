package io.skyport.ec2.auth;

import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, from the verifying side: reads the credential scope and signed
 * headers from the {@code Authorization} header or the presigned query ({@code X-Amz-*}), and
 * recomputes the signature over the request exactly as received.
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /** The signature's claims: who, when, for which region and service, over which headers. */
    public record Credential(String accessKey, String date, String region, String service, List<String> signedHeaders,
                             String signature, String amzDate, boolean presigned, Long expiresSeconds) {
        public String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    /** True when the request carries a SigV4 signature in either place. */
    public static boolean present(SignedRequest r) {
        String auth = r.header("authorization");
        return (auth != null && auth.startsWith(ALGORITHM)) || ALGORITHM.equals(r.params().get("X-Amz-Algorithm"));
    }

    public static Credential parse(SignedRequest r) {
        String auth = r.header("authorization");
        if (auth != null && auth.startsWith(ALGORITHM)) {
            String credential = null;
            String signedHeaders = null;
            String signature = null;
            for (String part : auth.substring(ALGORITHM.length()).split(",")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String value = p.substring(eq + 1).trim();
                switch (p.substring(0, eq).trim()) {
                    case "Credential" -> credential = value;
                    case "SignedHeaders" -> signedHeaders = value;
                    case "Signature" -> signature = value;
                    default -> { }
                }
            }
            String amzDate = r.header("x-amz-date");
            return credential(credential, signedHeaders, signature, amzDate, false, null);
        }
        Map<String, String> q = r.params();
        Long expires = null;
        if (q.get("X-Amz-Expires") != null) {
            try {
                expires = Long.parseLong(q.get("X-Amz-Expires"));
            } catch (NumberFormatException e) {
                throw incomplete("X-Amz-Expires must be a number of seconds");
            }
        }
        return credential(q.get("X-Amz-Credential"), q.get("X-Amz-SignedHeaders"), q.get("X-Amz-Signature"),
                q.get("X-Amz-Date"), true, expires);
    }

    private static Credential credential(String credential, String signedHeaders, String signature, String amzDate,
                                         boolean presigned, Long expires) {
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        }
        if (amzDate == null) {
            throw incomplete("Authorization requires an X-Amz-Date");
        }
        String[] parts = credential.split("/");
        if (parts.length < 5 || !"aws4_request".equals(parts[parts.length - 1])) {
            throw incomplete("Credential must have the form access-key/date/region/service/aws4_request");
        }
        int n = parts.length;
        String accessKey = String.join("/", Arrays.copyOf(parts, n - 4));
        List<String> headers = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        return new Credential(accessKey, parts[n - 4], parts[n - 3], parts[n - 2], headers, signature, amzDate,
                presigned, expires);
    }

    private static Ec2Exception incomplete(String why) {
        return new Ec2Exception(Ec2Error.AUTH_FAILURE, why);
    }

    /** The signature of the request under the given secret and payload hash. */
    public static String sign(SignedRequest r, Credential c, String secret, String payloadHash) {
        String canonical = canonicalRequest(r, c, payloadHash);
        String toSign = ALGORITHM + "\n" + c.amzDate() + "\n" + c.scope() + "\n" + hex(sha256(bytes(canonical)));
        byte[] key = hmac(bytes("AWS4" + secret), c.date());
        key = hmac(key, c.region());
        key = hmac(key, c.service());
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    static String canonicalRequest(SignedRequest r, Credential c, String payloadHash) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(r.method()).append('\n');
        String path = r.rawPath() == null || r.rawPath().isEmpty() ? "/" : r.rawPath();
        sb.append(Rfc3986.encode(Rfc3986.decode(path.replace("+", "%2B")), true)).append('\n');
        sb.append(canonicalQuery(r.rawQuery(), c.presigned())).append('\n');
        for (String h : c.signedHeaders()) {
            sb.append(h).append(':').append(headerValue(r.headers().get(h))).append('\n');
        }
        sb.append('\n').append(String.join(";", c.signedHeaders())).append('\n');
        sb.append(payloadHash);
        return sb.toString();
    }

    private static String canonicalQuery(String rawQuery, boolean presigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = Rfc3986.decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : Rfc3986.decode(part.substring(eq + 1));
            if (presigned && "X-Amz-Signature".equals(name)) {
                continue;
            }
            pairs.add(new String[] {Rfc3986.encode(name, false), Rfc3986.encode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static String headerValue(List<String> values) {
        if (values == null) {
            return "";
        }
        List<String> trimmed = new ArrayList<>(values.size());
        for (String v : values) {
            trimmed.add(v.trim().replaceAll("\\s+", " "));
        }
        return String.join(",", trimmed);
    }

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        return hmac("HmacSHA256", key, bytes(data));
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
