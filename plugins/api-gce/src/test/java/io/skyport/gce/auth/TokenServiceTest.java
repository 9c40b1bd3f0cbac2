package io.skyport.gce.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.identity.User;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

public class TokenServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final String TOKEN_URL = "http://127.0.0.1:8080/oauth2/token";
    private static final String EMAIL = "alice-7@proj.iam.skyport.internal";

    private final CredentialDao dao = mock(CredentialDao.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final Principal alice = mock(Principal.class);
    private TokenService tokens;
    private KeyPair key;

    @Before
    public void setUp() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        when(dao.key("k1")).thenReturn(Optional.of(new CredentialDao.PublicKey("k1", 7, 3,
                Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))));
        User user = mock(User.class);
        when(user.id()).thenReturn(7L);
        when(alice.user()).thenReturn(user);
        when(alice.enabled()).thenReturn(true);
        when(identity.principal(7)).thenReturn(Optional.of(alice));
        tokens = new TokenService(dao, identity, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String jwt(String kid, String iss, String aud, Instant iat, KeyPair signer) throws Exception {
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(iss).issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plusSeconds(3600)));
        if (aud != null) {
            c.audience(aud);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), c.build());
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    private void refused(Runnable r) {
        try {
            r.run();
            fail("accepted");
        } catch (TokenService.Refused expected) {
            // the one answer every failure gets
        }
    }

    @Test
    public void aGrantIssuesAnOpaqueTokenStoredAsItsHash() throws Exception {
        TokenService.Issued issued = tokens.grant(jwt("k1", EMAIL, TOKEN_URL, NOW, key), List.of(TOKEN_URL));
        assertTrue(issued.accessToken().startsWith("sky."));
        assertEquals(3600, issued.expiresInSeconds());
        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(dao).insertToken(hash.capture(), eq(7L), eq(NOW.plusSeconds(3600)));
        assertEquals(TokenService.sha256(issued.accessToken()), hash.getValue());
        when(dao.tokenUser(hash.getValue(), NOW)).thenReturn(Optional.of(7L));
        assertSame(alice, tokens.bearer(issued.accessToken(), "http://127.0.0.1:8080/"));
    }

    @Test
    public void googlesTokenUrlIsAnAcceptedAudience() throws Exception {
        tokens.grant(jwt("k1", EMAIL, "https://oauth2.googleapis.com/token", NOW, key), List.of(TOKEN_URL));
        verify(dao).insertToken(anyString(), anyLong(), any());
    }

    @Test
    public void googlesOlderTokenUrlIsAnAcceptedAudience() throws Exception {
        // the audience libcloud's Google drivers sign, whatever host they are pointed at
        tokens.grant(jwt("k1", EMAIL, "https://accounts.google.com/o/oauth2/token", NOW, key), List.of(TOKEN_URL));
        verify(dao).insertToken(anyString(), eq(7L), any());
    }

    @Test
    public void anAssertionNamingNoKeyIsCheckedAgainstTheIssuersKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair older = g.generateKeyPair();
        when(dao.keysOf(7L)).thenReturn(List.of(
                new CredentialDao.PublicKey("k0", 7, 3, Base64.getEncoder().encodeToString(older.getPublic()
                        .getEncoded())),
                new CredentialDao.PublicKey("k1", 7, 3, Base64.getEncoder().encodeToString(key.getPublic()
                        .getEncoded()))));
        tokens.grant(jwt(null, EMAIL, TOKEN_URL, NOW, key), List.of(TOKEN_URL));
        tokens.grant(jwt(null, EMAIL, TOKEN_URL, NOW, older), List.of(TOKEN_URL));
        verify(dao, times(2)).insertToken(anyString(), eq(7L), any());

        KeyPair stranger = g.generateKeyPair();
        refused(() -> grant(jwtOrFail(null, EMAIL, stranger)));
        // another account's issuer is looked up by its own keys, which this key is not
        when(dao.keysOf(8L)).thenReturn(List.of());
        refused(() -> grant(jwtOrFail(null, "bob-8@proj.iam.skyport.internal", key)));
        refused(() -> grant(jwtOrFail(null, "nobody@example.com", key)));
    }

    private String jwtOrFail(String kid, String iss, KeyPair signer) {
        try {
            return jwt(kid, iss, TOKEN_URL, NOW, signer);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void grant(String assertion) {
        tokens.grant(assertion, List.of(TOKEN_URL));
    }

    @Test
    public void badAssertionsAreRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair stranger = g.generateKeyPair();
        String wrongKey = jwt("k1", EMAIL, TOKEN_URL, NOW, stranger);
        String unknownKid = jwt("k2", EMAIL, TOKEN_URL, NOW, key);
        String wrongAudience = jwt("k1", EMAIL, "https://evil.example/token", NOW, key);
        String expired = jwt("k1", EMAIL, TOKEN_URL, NOW.minusSeconds(7200), key);
        String otherIssuer = jwt("k1", "bob-8@proj.iam.skyport.internal", TOKEN_URL, NOW, key);
        for (String a : List.of(wrongKey, unknownKid, wrongAudience, expired, otherIssuer, "not.a.jwt", "x")) {
            refused(() -> tokens.grant(a, List.of(TOKEN_URL)));
        }
    }

    @Test
    public void selfSignedJwtsForTheApiAreBearerTokens() throws Exception {
        assertSame(alice, tokens.bearer(jwt("k1", EMAIL, "https://compute.googleapis.com/", NOW, key),
                "http://127.0.0.1:8080/"));
        assertSame(alice, tokens.bearer(jwt("k1", EMAIL, "http://127.0.0.1:8080/compute/v1/", NOW, key),
                "http://127.0.0.1:8080/"));
        String elsewhere = jwt("k1", EMAIL, "https://storage.googleapis.com/", NOW, key);
        refused(() -> tokens.bearer(elsewhere, "http://127.0.0.1:8080/"));
    }

    @Test
    public void unknownOrExpiredOpaqueTokensAreRefused() {
        when(dao.tokenUser(anyString(), eq(NOW))).thenReturn(Optional.empty());
        refused(() -> tokens.bearer("sky.unknown", "http://127.0.0.1:8080/"));
    }
}
