package io.skyport.ec2.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * IMDSv2 session tokens. A token names the instance it was issued to and its expiry, signed with
 * a key this server made at start: it needs no storage, works for that instance only, and dies
 * with the process (as tokens on a real instance die with a stop). TTLs are 1..21600 seconds.
 */
public class ImdsTokens {
    public static final int MAX_TTL_SECONDS = 21_600;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;

    public ImdsTokens(Clock clock) {
        this(newKey(), clock);
    }

    ImdsTokens(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    private static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /**
     * The TTL a {@code X-aws-ec2-metadata-token-ttl-seconds} header asks for; empty when the
     * header is missing, not a number or outside 1..21600 (IMDS answers 400 then).
     */
    public static OptionalLong ttl(String header) {
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return OptionalLong.empty();
        }
        long ttl = Long.parseLong(header.trim());
        return ttl < 1 || ttl > MAX_TTL_SECONDS ? OptionalLong.empty() : OptionalLong.of(ttl);
    }

    public String issue(long vmId, long ttlSeconds) {
        byte[] payload = ByteBuffer.allocate(16).putLong(vmId).putLong(clock.millis() + ttlSeconds * 1000).array();
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /** Whether the token was issued by this server to that instance and has not expired. */
    public boolean valid(String token, long vmId) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return false;
        }
        byte[] payload;
        byte[] sig;
        try {
            payload = B64D.decode(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            sig = B64D.decode(token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (payload.length != 16 || !MessageDigest.isEqual(sig, mac(payload))) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        return b.getLong() == vmId && clock.millis() < b.getLong();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
