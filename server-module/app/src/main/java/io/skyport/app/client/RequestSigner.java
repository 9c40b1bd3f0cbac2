package io.skyport.app.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client side of CloudStack request signing, written independently of the server's verifier so
 * the benchmarks and the cluster provisioner also check that a separately built client is
 * accepted. Every call computes a new HMAC from scratch, as a stock client does for each request.
 */
public final class RequestSigner {
    private final String apiKey;
    private final byte[] secret;

    public RequestSigner(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String apiKey() {
        return apiKey;
    }

    /** The full query string for the given parameters plus {@code apiKey} and {@code signature}. */
    public String signedQuery(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("apiKey", apiKey);
        String query = join(all, false);
        return query + "&signature=" + encode(sign(join(all, true)));
    }

    /** name=value pairs joined with '&'; sorted and lower-cased when building the string to sign. */
    private static String join(Map<String, String> params, boolean canonical) {
        List<String> names = new ArrayList<>(params.keySet());
        if (canonical) {
            names.sort((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)));
        }
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(canonical ? n : encode(n)).append('=').append(encode(params.get(n)));
        }
        return canonical ? sb.toString().toLowerCase(Locale.ROOT) : sb.toString();
    }

    private String sign(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** CloudStack encodes spaces as %20, not '+'. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
