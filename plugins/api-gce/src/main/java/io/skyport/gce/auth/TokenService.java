package io.skyport.gce.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.security.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * OAuth2 for the GCE API: the JWT-bearer grant exchanges a JWT signed with a service-account key
 * for a short-lived opaque access token; a self-signed JWT is also accepted directly as a Bearer
 * token, as Google accepts it. Every failure is one answer ({@link Refused}) that names no secret.
 */
public class TokenService {
    public static final String TOKEN_PATH = "/oauth2/token";
    /**
     * Where Google's token endpoint used to be (accounts.google.com/o/oauth2/token): older clients
     * (Apache libcloud's Google drivers) post there whatever host they are pointed at.
     */
    public static final String LEGACY_TOKEN_PATH = "/o/oauth2/token";
    public static final List<String> TOKEN_PATHS = List.of(TOKEN_PATH, LEGACY_TOKEN_PATH);
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Token URLs Google's client libraries put in {@code aud}; some pin them whatever the key file says. */
    private static final List<String> GOOGLE_TOKEN_URLS = List.of("https://oauth2.googleapis.com/token",
            "https://accounts.google.com/o/oauth2/token", "https://www.googleapis.com/oauth2/v4/token");
    /** Audiences of self-signed JWTs for Compute Engine. */
    private static final List<String> GOOGLE_API_AUDIENCES = List.of("https://compute.googleapis.com/",
            "https://compute.googleapis.com", "https://www.googleapis.com/compute/v1/");
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** Google refuses assertions valid for longer than an hour. */
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofHours(1).plus(SKEW);

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private volatile Instant lastPurge;
    private final CredentialDao dao;
    private final IdentityService identity;
    private final Clock clock;

    public TokenService(CredentialDao dao, IdentityService identity, Clock clock) {
        this.dao = dao;
        this.identity = identity;
        this.clock = clock;
    }

    /** Authentication failed; the message is safe to show. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    public record Issued(String accessToken, long expiresInSeconds) {
    }

    /**
     * The JWT-bearer grant. {@code tokenUrls} are the URLs this server's token endpoint was
     * reached by; the assertion's audience must be one of them or Google's.
     */
    public Issued grant(String assertion, List<String> tokenUrls) {
        Verified v = verify(assertion);
        String aud = v.claims().getAudience().isEmpty() ? null : v.claims().getAudience().get(0);
        if (aud == null || !(tokenUrls.contains(aud) || GOOGLE_TOKEN_URLS.contains(aud))) {
            throw new Refused("Invalid JWT: the audience must be the token URL");
        }
        purgeExpiredNowAndThen();
        String token = "sky." + Tokens.random(32);
        Instant expires = clock.instant().plus(TOKEN_LIFETIME);
        dao.insertToken(sha256(token), v.principal().user().id(), expires);
        return new Issued(token, TOKEN_LIFETIME.toSeconds());
    }

    /** The principal a Bearer token (ours, or a self-signed JWT) stands for. */
    public Principal bearer(String token, String serverRoot) {
        if (token.chars().filter(c -> c == '.').count() == 2 && !token.startsWith("sky.")) {
            Verified v = verify(token);
            List<String> aud = v.claims().getAudience();
            boolean scoped = v.claims().getClaim("scope") != null;
            boolean ours = aud.stream().anyMatch(a -> GOOGLE_API_AUDIENCES.contains(a) || a.startsWith(serverRoot));
            if (!(ours || (aud.isEmpty() && scoped))) {
                throw new Refused("Invalid JWT: the audience must be this API");
            }
            return v.principal();
        }
        long userId = dao.tokenUser(sha256(token), clock.instant())
                .orElseThrow(() -> new Refused("Invalid or expired access token"));
        return identity.principal(userId).filter(Principal::enabled)
                .orElseThrow(() -> new Refused("Invalid or expired access token"));
    }

    /** Expired tokens are deleted by the grants themselves, at most every ten minutes: no thread of its own. */
    private void purgeExpiredNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastPurge;
        if (last == null || Duration.between(last, now).compareTo(PURGE_EVERY) > 0) {
            lastPurge = now;
            dao.deleteExpiredTokens(now);
        }
    }

    private record Verified(Principal principal, JWTClaimsSet claims) {
    }

    private Verified verify(String jwt) {
        SignedJWT signed;
        JWTClaimsSet claims;
        try {
            signed = SignedJWT.parse(jwt);
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("Invalid JWT: not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw new Refused("Invalid JWT: only RS256 is accepted");
        }
        CredentialDao.PublicKey key = signingKey(signed, claims);
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw new Refused("Invalid JWT: iat and exp are required");
        }
        if (exp.toInstant().plus(SKEW).isBefore(now) || iat.toInstant().minus(SKEW).isAfter(now)) {
            throw new Refused("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable "
                    + "timeframe. Check your iat and exp values in the JWT claim.");
        }
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_ASSERTION_LIFETIME) > 0) {
            throw new Refused("Invalid JWT: Token must be a short-lived token (60 minutes)");
        }
        Principal p = identity.principal(key.userId()).filter(Principal::enabled)
                .orElseThrow(() -> new Refused("Invalid JWT Signature."));
        Optional<Long> issuer = ServiceAccounts.userIdOf(claims.getIssuer());
        if (issuer.isEmpty() || issuer.get() != key.userId()) {
            throw new Refused("Invalid JWT: the issuer is not the key's service account");
        }
        return new Verified(p, claims);
    }

    /**
     * The key that signed the JWT: the one named by {@code kid}, else whichever key of the issuer's
     * service account verifies it, as Google does (libcloud's service-account JWTs name no key).
     */
    private CredentialDao.PublicKey signingKey(SignedJWT signed, JWTClaimsSet claims) {
        String kid = signed.getHeader().getKeyID();
        List<CredentialDao.PublicKey> candidates = kid != null ? dao.key(kid).map(List::of).orElse(List.of())
                : ServiceAccounts.userIdOf(claims.getIssuer()).map(dao::keysOf).orElse(List.of());
        for (CredentialDao.PublicKey key : candidates) {
            if (signedBy(signed, key)) {
                return key;
            }
        }
        throw new Refused("Invalid JWT Signature.");
    }

    private static boolean signedBy(SignedJWT signed, CredentialDao.PublicKey key) {
        try {
            return signed.verify(new RSASSAVerifier(publicKey(key.publicKey())));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static RSAPublicKey publicKey(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("stored key is unreadable", e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
