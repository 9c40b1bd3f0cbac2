package io.skyport.core.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Random keys in the shapes CloudStack clients expect (URL-safe base64, no padding). */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** 86-character key, like CloudStack's API and secret keys. */
    public static String apiKey() {
        return random(64);
    }
}
