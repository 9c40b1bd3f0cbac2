package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.skyport.app.SkyportServer;
import io.skyport.core.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secrets at rest: the database holds no user secret key and no session key in a readable form;
 * a secret key written in plain text is encrypted at the next start; a server started with
 * another key than the one the secrets were encrypted with stops at once, saying why.
 */
public class SecretsAtRestIT {
    private static final String KEY = key();
    private Path home;
    private SkyportServer server;

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private SkyportServer start(String secretKey) throws Exception {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("skyport.port", "0");
        cfg.put("skyport.bind", "127.0.0.1");
        cfg.put("skyport.docker.discovery", "false");
        cfg.put("skyport.secret.key", secretKey);
        return new SkyportServer(ServerConfig.of(home, cfg)).start();
    }

    @After
    public void stop() {
        if (server != null) {
            server.close();
        }
        TestServer.deleteTree(home);
    }

    private JdbcTemplate db() {
        return server.coreBean(JdbcTemplate.class);
    }

    /** Every text column of every table, as stored. */
    private String everyStoredText() {
        StringBuilder all = new StringBuilder();
        List<String> tables = db().queryForList("SELECT table_name FROM information_schema.tables WHERE "
                + "LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')", String.class);
        assertTrue("no tables seen", tables.contains("users"));
        for (String t : tables) {
            for (Map<String, Object> row : db().queryForList("SELECT * FROM " + t)) {
                row.values().forEach(v -> all.append(v).append('\n'));
            }
        }
        return all.toString();
    }

    @Test
    public void noSecretIsStoredReadablyAndPlaintextSecretsAreEncryptedAtStart() throws Exception {
        home = Files.createTempDirectory("skyport-secrets");
        server = start(KEY);
        String base = "http://127.0.0.1:" + server.port();
        NativeClient admin = new NativeClient(base, server.bootstrap().apiKey(), server.bootstrap().secretKey());
        NativeClient.Reply login = admin.post(Map.of("command", "login", "username", "admin", "password",
                server.bootstrap().password(), "response", "json"));
        assertEquals(login.body(), 200, login.status());
        String session = login.inner().get("sessionkey").getAsString();
        NativeClient gceUser = admin;
        String keyFile = gceUser.call("createGceServiceAccountKey").inner().getAsJsonObject("serviceaccountkey")
                .get("keyfile").getAsString();
        String privateKey = com.google.gson.JsonParser.parseString(keyFile).getAsJsonObject().get("private_key")
                .getAsString();

        String stored = everyStoredText();
        assertFalse("the admin's secret key is stored readably", stored.contains(admin.secret()));
        assertFalse("a session key is stored readably", stored.contains(session));
        assertFalse("the admin password is stored readably", stored.contains(server.bootstrap().password()));
        String pemBody = privateKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertFalse("a service-account private key is stored", stored.contains(pemBody.substring(0, 64)));
        String column = db().queryForObject("SELECT secret_key_enc FROM users WHERE api_key = ?", String.class,
                admin.apiKey());
        assertTrue(column, column.startsWith("v1:"));

        // a secret key written in plain text (by hand, or by an old version) is encrypted at the next start
        db().update("UPDATE users SET secret_key_enc = ? WHERE api_key = ?", admin.secret(), admin.apiKey());
        server.close();
        server = start(KEY);
        String after = db().queryForObject("SELECT secret_key_enc FROM users WHERE api_key = ?", String.class,
                admin.apiKey());
        assertTrue(after, after.startsWith("v1:"));
        assertFalse(after.contains(admin.secret()));
        NativeClient again = new NativeClient("http://127.0.0.1:" + server.port(), admin.apiKey(), admin.secret());
        assertEquals("the re-encrypted key still signs", 200, again.call("listZones").status());
    }

    /** The messages of an exception and its causes, as an operator reads them in the start-up failure. */
    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" / ");
        }
        return sb.toString();
    }

    @Test
    public void startWithAnotherKeyFailsClearlyAndTheRightKeyStillWorks() throws Exception {
        home = Files.createTempDirectory("skyport-secrets");
        server = start(KEY);
        String apiKey = server.bootstrap().apiKey();
        String secret = server.bootstrap().secretKey();
        server.close();
        server = null;
        try {
            server = start(key());
            fail("a server started with another secret key must not start");
        } catch (Exception e) {
            String why = causes(e);
            assertTrue(why, why.contains("skyport.secret.key"));
            assertTrue(why, why.contains("not the key"));
        }
        try {
            server = start("not base64 at all!");
            fail("a malformed key must not start");
        } catch (Exception e) {
            String why = causes(e);
            assertTrue(why, why.contains("32 bytes"));
            assertFalse("the key itself must not be shown: " + why, why.contains("not base64 at all"));
        }
        server = start(KEY);
        NativeClient admin = new NativeClient("http://127.0.0.1:" + server.port(), apiKey, secret);
        assertEquals(200, admin.call("listZones").status());
    }
}
