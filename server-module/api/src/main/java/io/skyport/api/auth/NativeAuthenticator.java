package io.skyport.api.auth;

import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves who sent a native API request: a live session key, or an API key with a valid
 * signature (and, for signatureVersion=3, an expiry in the near future). Every failure is the
 * same empty answer, so nothing tells a caller which part was wrong.
 */
public class NativeAuthenticator {
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private final IdentityService identity;
    private final SettingService settings;

    public NativeAuthenticator(IdentityService identity, SettingService settings) {
        this.identity = identity;
        this.settings = settings;
    }

    /** @param params the request parameters with their original names */
    public Optional<Principal> authenticate(Map<String, String> params, String sessionKey) {
        String apiKey = get(params, "apikey");
        if (apiKey == null && sessionKey != null) {
            return identity.bySession(sessionKey);
        }
        String signature = get(params, "signature");
        if (apiKey == null || signature == null || !expiryAcceptable(params)) {
            return Optional.empty();
        }
        return identity.byApiKey(apiKey)
                .filter(kp -> SignatureVerifier.verify(params, signature, kp.secretKey()))
                .map(IdentityService.KeyedPrincipal::principal);
    }

    private boolean expiryAcceptable(Map<String, String> params) {
        String version = get(params, "signatureversion");
        if (version == null) {
            return true;
        }
        if (!"3".equals(version)) {
            return false;
        }
        String expires = get(params, "expires");
        if (expires == null) {
            return false;
        }
        try {
            Instant at = OffsetDateTime.parse(expires, EXPIRES).toInstant();
            Instant now = Instant.now();
            Duration window = Duration.ofSeconds(settings.get(CoreSettings.SIGNATURE_EXPIRY_WINDOW));
            return at.isAfter(now) && at.isBefore(now.plus(window).plusSeconds(60));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String get(Map<String, String> params, String lowerName) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(lowerName)) {
                return e.getValue();
            }
        }
        return null;
    }
}
