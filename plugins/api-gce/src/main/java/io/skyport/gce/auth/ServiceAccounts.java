package io.skyport.gce.auth;

import com.google.gson.JsonObject;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.identity.User;
import io.skyport.gce.service.Projects;
import io.skyport.plugin.CallContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Each user is a service account of its account's project. A key is an RSA pair: the public
 * half is stored to verify the JWTs the user's clients sign, the private half is handed out once
 * in a key file shaped as Google's, whose token URI points at this server.
 */
public class ServiceAccounts {
    /** Domain of the service-account e-mail addresses; the local part ends with the user's id. */
    public static final String EMAIL_DOMAIN = "iam.skyport.internal";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialDao dao;
    private final IdentityService identity;
    private final Projects projects;

    public ServiceAccounts(CredentialDao dao, IdentityService identity, Projects projects) {
        this.dao = dao;
        this.identity = identity;
        this.projects = projects;
    }

    /** What the key file holds, and the file itself. */
    public record KeyFile(String projectId, String clientEmail, String keyId, JsonObject json) {
    }

    /** A new key for the user (the caller, or one the caller may manage). */
    public KeyFile createKey(CallContext caller, long userId, String rootUrl) {
        User user = identity.visibleUser(caller, userId);
        Principal owner = identity.principal(user.id()).orElseThrow();
        String projectId = projects.projectOf(owner.account());
        KeyPair pair = rsa();
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        String keyId = HexFormat.of().formatHex(raw);
        dao.insertKey(keyId, user.id(), owner.account().id(),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        String email = email(user, projectId);
        JsonObject key = new JsonObject();
        key.addProperty("type", "service_account");
        key.addProperty("project_id", projectId);
        key.addProperty("private_key_id", keyId);
        key.addProperty("private_key", pem(pair.getPrivate().getEncoded()));
        key.addProperty("client_email", email);
        key.addProperty("client_id", Long.toString(user.id()));
        key.addProperty("auth_uri", rootUrl + "oauth2/auth");
        key.addProperty("token_uri", rootUrl + TokenService.TOKEN_PATH.substring(1));
        key.addProperty("auth_provider_x509_cert_url", rootUrl + "oauth2/certs");
        key.addProperty("universe_domain", "googleapis.com");
        return new KeyFile(projectId, email, keyId, key);
    }

    public static String email(User user, String projectId) {
        String local = user.username().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (local.isEmpty() ? "user" : local) + "-" + user.id() + "@" + projectId + "." + EMAIL_DOMAIN;
    }

    /** The user id an e-mail address of ours names. */
    public static Optional<Long> userIdOf(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.indexOf('@');
        int dash = email.lastIndexOf('-', at);
        if (at < 0 || dash < 0 || !email.endsWith("." + EMAIL_DOMAIN)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(email.substring(dash + 1, at)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(byte[] pkcs8) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8);
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }
}
