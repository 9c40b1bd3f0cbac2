package io.skyport.ec2.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.Account.AccountState;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.IdentityService.KeyedPrincipal;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.identity.User;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.plugin.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Before;
import org.junit.Test;

/** Who signed a request, or EC2's error code for why nobody did. Requests are signed by the AWS SDK's signer. */
public class Ec2AuthenticatorTest {
    private static final String REGION = "skyport-1";
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String KEY = "AKALICE";
    private static final String SECRET = "alice-secret/+=";
    private static final String FORM = "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0";

    private IdentityService identity;
    private Principal alice;
    private Ec2Authenticator auth;

    private static Principal principal(AccountState state) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        User u = new User(7, "user-uuid", 3, "alice", "hash", "A", "L", "a@example.org", null, state, KEY, "enc",
                false, t);
        Account a = new Account(3, "account-uuid", "alice", 1, Role.USER, state, false, t);
        Domain d = new Domain(1, "domain-uuid", "ROOT", null, "ROOT", 0, "Active", t);
        return new Principal(u, a, d);
    }

    @Before
    public void setUp() {
        identity = mock(IdentityService.class);
        alice = principal(AccountState.ENABLED);
        when(identity.byApiKey(KEY)).thenReturn(Optional.of(new KeyedPrincipal(alice, SECRET)));
        auth = new Ec2Authenticator(identity, () -> REGION, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, java.time.ZoneOffset.UTC);
    }

    private static SignedRequest post(String key, String secret, String region, String service, Instant signedAt) {
        return Requests.sdkPost(key, secret, region, service, at(signedAt), FORM);
    }

    private static SignedRequest presigned(Instant signedAt, Duration expiry) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "DescribeRegions");
        p.put("Version", "2016-11-15");
        return Requests.sdkPresignedGet(KEY, SECRET, REGION, "ec2", at(signedAt), expiry, p);
    }

    private Ec2Error failure(SignedRequest r) {
        try {
            auth.authenticate(r);
        } catch (Ec2Exception e) {
            return e.error();
        }
        fail("the request was accepted");
        return null;
    }

    @Test
    public void headerSignedRequestIsAccepted() {
        assertSame(alice, auth.authenticate(post(KEY, SECRET, REGION, "ec2", NOW)));
    }

    @Test
    public void signingTimeWithinFifteenMinutesIsAccepted() {
        assertSame(alice, auth.authenticate(post(KEY, SECRET, REGION, "ec2", NOW.minusSeconds(14 * 60))));
        assertSame(alice, auth.authenticate(post(KEY, SECRET, REGION, "ec2", NOW.plusSeconds(14 * 60))));
    }

    @Test
    public void unknownKeyIsAuthFailure() {
        assertEquals(Ec2Error.AUTH_FAILURE, failure(post("AKNOBODY", SECRET, REGION, "ec2", NOW)));
    }

    @Test
    public void disabledAccountIsAuthFailure() {
        when(identity.byApiKey("AKBOB")).thenReturn(Optional.of(new KeyedPrincipal(principal(AccountState.DISABLED),
                "bob-secret")));
        assertEquals(Ec2Error.AUTH_FAILURE, failure(post("AKBOB", "bob-secret", REGION, "ec2", NOW)));
    }

    @Test
    public void wrongSecretIsSignatureDoesNotMatch() {
        assertEquals(Ec2Error.SIGNATURE_DOES_NOT_MATCH, failure(post(KEY, "not-alice-secret", REGION, "ec2", NOW)));
    }

    @Test
    public void changedParameterIsSignatureDoesNotMatch() {
        SignedRequest r = post(KEY, SECRET, REGION, "ec2", NOW);
        SignedRequest changed = Requests.withBody(r, FORM.replace("abcdef0", "abcdef1"));
        assertEquals("i-0123456789abcdef1", changed.params().get("InstanceId.1"));
        assertEquals(Ec2Error.SIGNATURE_DOES_NOT_MATCH, failure(changed));
    }

    @Test
    public void xAmzDateTwentyMinutesOffIsRequestExpired() {
        assertEquals(Ec2Error.REQUEST_EXPIRED, failure(post(KEY, SECRET, REGION, "ec2", NOW.minusSeconds(20 * 60))));
        assertEquals(Ec2Error.REQUEST_EXPIRED, failure(post(KEY, SECRET, REGION, "ec2", NOW.plusSeconds(20 * 60))));
    }

    @Test
    public void presignedRequestWithinItsExpiryIsAccepted() {
        assertSame(alice, auth.authenticate(presigned(NOW.minusSeconds(120), Duration.ofMinutes(5))));
    }

    @Test
    public void presignedRequestPastItsExpiryIsRequestExpired() {
        assertEquals(Ec2Error.REQUEST_EXPIRED, failure(presigned(NOW.minusSeconds(600), Duration.ofMinutes(5))));
    }

    @Test
    public void presignedUnsignedPayloadCoversNoBody() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "TerminateInstances");
        p.put("Version", "2016-11-15");
        p.put("InstanceId.1", "i-0123456789abcdef0");
        SignedRequest r = Requests.sdkPresignedGet(KEY, SECRET, REGION, "ec2", at(NOW), Duration.ofMinutes(5), p, false);
        SigV4.Credential c = SigV4.parse(r);
        assertEquals("signed over UNSIGNED-PAYLOAD", c.signature(), SigV4.sign(r, c, SECRET, SigV4.UNSIGNED_PAYLOAD));
        assertSame(alice, auth.authenticate(r));
        // the same URL with parameters added in a form body: they are covered by no signature
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        SignedRequest withBody = Requests.raw("GET", r.rawPath(), r.rawQuery(), headers, "InstanceId.2=i-0123456789abcdef1");
        assertEquals("i-0123456789abcdef1", withBody.params().get("InstanceId.2"));
        assertEquals(Ec2Error.SIGNATURE_DOES_NOT_MATCH, failure(withBody));
    }

    @Test
    public void wrongRegionIsSignatureDoesNotMatch() {
        assertEquals(Ec2Error.SIGNATURE_DOES_NOT_MATCH, failure(post(KEY, SECRET, "us-east-1", "ec2", NOW)));
    }

    @Test
    public void wrongServiceIsSignatureDoesNotMatch() {
        assertEquals(Ec2Error.SIGNATURE_DOES_NOT_MATCH, failure(post(KEY, SECRET, REGION, "iam", NOW)));
    }

    @Test
    public void noAuthenticationIsMissingAuthenticationToken() {
        SignedRequest r = Requests.raw("POST", "/ec2", null, Map.of("Host", "ec2.skyport.test", "Content-Type",
                "application/x-www-form-urlencoded"), FORM);
        assertEquals(Ec2Error.MISSING_AUTHENTICATION_TOKEN, failure(r));
        verify(identity, never()).byApiKey(org.mockito.ArgumentMatchers.anyString());
    }

    // SigV2: signatures computed here with the JDK's HMAC, following the AWS General Reference

    private static String v2Query(Map<String, String> params, String secret, String method, String host, String path)
            throws Exception {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        StringBuilder q = new StringBuilder();
        sorted.forEach((k, v) -> q.append(q.length() > 0 ? "&" : "").append(enc(k)).append('=').append(enc(v)));
        String toSign = method + "\n" + host + "\n" + path + "\n" + q;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return q + "&Signature=" + enc(sig);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static SignedRequest v2(String timestamp, String expires, String secret) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "DescribeRegions");
        p.put("Version", "2016-11-15");
        p.put("AWSAccessKeyId", KEY);
        p.put("SignatureVersion", "2");
        p.put("SignatureMethod", "HmacSHA256");
        if (timestamp != null) {
            p.put("Timestamp", timestamp);
        }
        if (expires != null) {
            p.put("Expires", expires);
        }
        String query = v2Query(p, secret, "GET", "ec2.skyport.test", "/ec2");
        return Requests.raw("GET", "/ec2", query, Map.of("Host", "ec2.skyport.test"), null);
    }

    @Test
    public void sigV2WithCurrentTimestampIsAccepted() throws Exception {
        assertSame(alice, auth.authenticate(v2("2026-11-25T10:10:00Z", null, SECRET)));
        assertSame(alice, auth.authenticate(v2(null, "2026-11-25T10:20:00Z", SECRET)));
    }

    @Test
    public void sigV2WithWrongSecretIsSignatureDoesNotMatch() throws Exception {
        assertEquals(Ec2Error.SIGNATURE_DOES_NOT_MATCH, failure(v2("2026-11-25T10:10:00Z", null, "other")));
    }

    @Test
    public void sigV2WithOldTimestampIsRequestExpired() throws Exception {
        assertEquals(Ec2Error.REQUEST_EXPIRED, failure(v2("2026-11-25T09:50:00Z", null, SECRET)));
        assertEquals(Ec2Error.REQUEST_EXPIRED, failure(v2("2011-10-03T15:19:30", null, SECRET)));
    }

    @Test
    public void sigV2PastExpiresIsRequestExpired() throws Exception {
        assertEquals(Ec2Error.REQUEST_EXPIRED, failure(v2(null, "2026-11-25T10:15:00Z", SECRET)));
    }

    @Test
    public void sigV2WithoutTimestampOrExpiresIsRefused() throws Exception {
        assertEquals(Ec2Error.MISSING_PARAMETER, failure(v2(null, null, SECRET)));
    }
}
