package io.skyport.app.client;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A service-account key file as Google's client libraries read it, and the OAuth2 JWT-bearer
 * grant they make with it: an RS256 JWT naming the key ({@code kid}), issued by the account's
 * e-mail address for the key file's token URI, exchanged there for an access token.
 */
public final class GceServiceAccount {
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final JsonObject keyFile;

    public GceServiceAccount(JsonObject keyFile) {
        this.keyFile = keyFile;
    }

    /** The key file in the answer of the native {@code createGceServiceAccountKey}. */
    public static GceServiceAccount fromNativeAnswer(JsonObject serviceAccountKeyResponse) {
        String text = serviceAccountKeyResponse.getAsJsonObject("serviceaccountkey").get("keyfile").getAsString();
        return new GceServiceAccount(JsonParser.parseString(text).getAsJsonObject());
    }

    public String project() {
        return keyFile.get("project_id").getAsString();
    }

    /** The signed grant assertion, valid for an hour from {@code issued}. */
    public String assertion(Instant issued) {
        String email = keyFile.get("client_email").getAsString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(email).subject(email)
                .audience(keyFile.get("token_uri").getAsString())
                .claim("scope", "https://www.googleapis.com/auth/compute")
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(keyFile.get("private_key_id").getAsString()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the key file's private key", e);
        }
        return jwt.serialize();
    }

    /** A fresh access token from the key file's token URI. */
    public String accessToken(HttpClient http) throws IOException, InterruptedException {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion(Instant.now()), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keyFile.get("token_uri").getAsString()))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the token endpoint answered HTTP " + r.statusCode() + ": "
                    + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    private PrivateKey privateKey() {
        String pem = keyFile.get("private_key").getAsString();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key file's private_key is not a PKCS#8 RSA key", e);
        }
    }
}
