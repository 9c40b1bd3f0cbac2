package io.skyport.ec2.auth;

import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.IdentityService.KeyedPrincipal;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Resolves who signed an EC2 request, with SigV4 (header or presigned query) or SigV2. The access
 * key and secret are the user's API key and secret key. Failures carry EC2's own codes; an unknown
 * key and a disabled account give the same answer.
 */
public class Ec2Authenticator {
    /** How far a signing time may be from ours, as EC2 allows. */
    static final Duration SKEW = Duration.ofMinutes(15);
    /** Longest validity of a presigned request (seven days, as SigV4 defines). */
    static final long MAX_PRESIGN_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private final IdentityService identity;
    private final Supplier<String> region;
    private final Clock clock;

    public Ec2Authenticator(IdentityService identity, Supplier<String> region, Clock clock) {
        this.identity = identity;
        this.region = region;
        this.clock = clock;
    }

    /** The access key a request names (SigV4 credential or SigV2 parameter), or null; for throttling. */
    public static String accessKeyOf(SignedRequest r) {
        try {
            if (SigV4.present(r)) {
                return SigV4.parse(r).accessKey();
            }
        } catch (RuntimeException e) {
            return null;
        }
        return r.params().get("AWSAccessKeyId");
    }

    public Principal authenticate(SignedRequest r) {
        if (SigV4.present(r)) {
            return v4(r);
        }
        if (SigV2.present(r.params())) {
            return v2(r);
        }
        throw new Ec2Exception(Ec2Error.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    }

    private Principal v4(SignedRequest r) {
        SigV4.Credential c = SigV4.parse(r);
        if (!"ec2".equals(c.service())) {
            throw mismatch("Credential should be scoped to correct service: 'ec2'.");
        }
        String expected = region.get();
        if (!expected.equals(c.region())) {
            throw mismatch("Credential should be scoped to a valid region, not '" + c.region() + "'. This endpoint "
                    + "serves region '" + expected + "'.");
        }
        if (!c.amzDate().startsWith(c.date())) {
            throw mismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + c.date() + "' != '" + c.amzDate() + "'");
        }
        if (!c.signedHeaders().contains("host")) {
            throw new Ec2Exception(Ec2Error.AUTH_FAILURE, "The host header must be signed");
        }
        Instant signedAt = amzDate(c.amzDate());
        Instant now = clock.instant();
        if (c.presigned()) {
            long expires = c.expiresSeconds() == null ? MAX_PRESIGN_SECONDS : c.expiresSeconds();
            if (expires < 1 || expires > MAX_PRESIGN_SECONDS) {
                throw new Ec2Exception(Ec2Error.AUTH_FAILURE, "X-Amz-Expires must be between 1 and 604800 seconds");
            }
            if (now.isAfter(signedAt.plusSeconds(expires)) || signedAt.isAfter(now.plus(SKEW))) {
                throw expired(c.amzDate());
            }
        } else if (Duration.between(signedAt, now).abs().compareTo(SKEW) > 0) {
            throw expired(c.amzDate());
        }
        KeyedPrincipal who = known(c.accessKey());
        String declared = r.header("x-amz-content-sha256");
        String bodyHash = SigV4.hex(SigV4.sha256(r.body()));
        if (declared != null && !declared.equals(bodyHash)
                && !(SigV4.UNSIGNED_PAYLOAD.equals(declared) && r.body().length == 0)) {
            // the signature covers the declared hash, so the body must be the one hashed
            throw mismatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String payload = declared != null ? declared : bodyHash;
        boolean valid = same(SigV4.sign(r, c, who.secretKey(), payload), c.signature())
                || (c.presigned() && declared == null && r.body().length == 0
                && same(SigV4.sign(r, c, who.secretKey(), SigV4.UNSIGNED_PAYLOAD), c.signature()));
        if (!valid) {
            throw mismatch(SIGNATURE_MISMATCH);
        }
        return who.principal();
    }

    private Principal v2(SignedRequest r) {
        if (!"2".equals(r.params().get("SignatureVersion"))) {
            throw new Ec2Exception(Ec2Error.AUTH_FAILURE, "Only signature versions 2 and 4 are supported");
        }
        Instant now = clock.instant();
        String timestamp = r.params().get("Timestamp");
        String expires = r.params().get("Expires");
        if (timestamp == null && expires == null) {
            throw new Ec2Exception(Ec2Error.MISSING_PARAMETER, "The request must contain the parameter Timestamp");
        }
        if (timestamp != null && Duration.between(iso(timestamp), now).abs().compareTo(SKEW) > 0) {
            throw expired(timestamp);
        }
        if (expires != null && now.isAfter(iso(expires))) {
            throw expired(expires);
        }
        KeyedPrincipal who = known(r.params().get("AWSAccessKeyId"));
        String computed = SigV2.sign(r, who.secretKey());
        if (computed == null) {
            throw new Ec2Exception(Ec2Error.AUTH_FAILURE, "SignatureMethod must be HmacSHA256 or HmacSHA1");
        }
        if (!same(computed, r.params().get("Signature"))) {
            throw mismatch(SIGNATURE_MISMATCH);
        }
        return who.principal();
    }

    private KeyedPrincipal known(String accessKey) {
        return identity.byApiKey(accessKey).filter(k -> k.principal().enabled())
                .orElseThrow(() -> new Ec2Exception(Ec2Error.AUTH_FAILURE,
                        "AWS was not able to validate the provided access credentials"));
    }

    private static boolean same(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant amzDate(String text) {
        try {
            return LocalDateTime.parse(text, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Ec2Exception(Ec2Error.AUTH_FAILURE, "X-Amz-Date must be in the ISO-8601 basic format "
                    + "yyyyMMdd'T'HHmmss'Z'");
        }
    }

    private static Instant iso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw Ec2Exception.invalid("Timestamp", text, "Expected an ISO-8601 time.");
            }
        }
    }

    private static Ec2Exception mismatch(String message) {
        return new Ec2Exception(Ec2Error.SIGNATURE_DOES_NOT_MATCH, message);
    }

    private static Ec2Exception expired(String at) {
        return new Ec2Exception(Ec2Error.REQUEST_EXPIRED, "Request has expired. Timestamp date is " + at);
    }
}
