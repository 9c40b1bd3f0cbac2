package io.skyport.app.it;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A minimal GCE REST client for the integration tests: signs the JWT-bearer grant with the key
 * file's private key, as Google's libraries do, and calls {@code /compute/v1} with the token.
 */
public final class GceClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final JsonObject keyFile;
    private String token;

    public GceClient(String base, JsonObject keyFile) {
        this.base = base;
        this.keyFile = keyFile;
    }

    /** A tenant's key file, made with the native command. */
    public static JsonObject keyFile(NativeClient client) {
        NativeClient.Reply r = client.call("createGceServiceAccountKey");
        assertEquals(r.body(), 200, r.status());
        String text = r.inner().getAsJsonObject("serviceaccountkey").get("keyfile").getAsString();
        return JsonParser.parseString(text).getAsJsonObject();
    }

    public String project() {
        return keyFile.get("project_id").getAsString();
    }

    public JsonObject keyFile() {
        return keyFile;
    }

    public record Reply(int status, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    /** A signed JWT of this key: the grant's assertion, or (with an API audience) a Bearer token itself. */
    public String jwt(String audience, Instant issued) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(keyFile.get("private_key").getAsString()
                    .replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(keyFile.get("client_email").getAsString())
                    .subject(keyFile.get("client_email").getAsString()).audience(audience)
                    .claim("scope", "https://www.googleapis.com/auth/cloud-platform")
                    .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(3600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(keyFile.get("private_key_id").getAsString()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply grant(String assertion) {
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                StandardCharsets.UTF_8) + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(keyFile.get("token_uri").getAsString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public String token() {
        if (token == null) {
            Reply r = grant(jwt(keyFile.get("token_uri").getAsString(), Instant.now()));
            assertEquals(r.body(), 200, r.status());
            token = r.json().get("access_token").getAsString();
        }
        return token;
    }

    /** A call relative to {@code /compute/v1/projects/<project>/}, or absolute when it starts with '/'. */
    public Reply call(String method, String path, String json) {
        return callWith(token(), method, path, json);
    }

    public Reply callWith(String bearer, String method, String path, String json) {
        String url = path.startsWith("/") ? base + path : base + "/compute/v1/projects/" + project() + "/" + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b);
    }

    public JsonObject ok(String method, String path, String json) {
        Reply r = call(method, path, json);
        assertEquals(method + " " + path + ": " + r.body(), 200, r.status());
        return r.json();
    }

    /** Waits for an operation with its own {@code wait} method and returns it DONE. */
    public JsonObject await(JsonObject operation) {
        String self = operation.get("selfLink").getAsString();
        String path = self.substring(self.indexOf("/compute/v1/"));
        for (int i = 0; i < 10; i++) {
            JsonObject op = ok("POST", path + "/wait", null);
            if ("DONE".equals(op.get("status").getAsString())) {
                return op;
            }
        }
        throw new AssertionError("operation not done: " + operation);
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
