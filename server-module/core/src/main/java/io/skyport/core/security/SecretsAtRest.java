package io.skyport.core.security;

import io.skyport.core.db.Db;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-time guard of the secrets kept in the database. A check value encrypted with the
 * configured key proves the key is the one the stored secrets were encrypted with, so a server
 * started with another key stops at once with a message saying so, instead of failing every
 * signature check later with nothing to go on. Secret keys found in plain text (left by an old
 * version or written by hand) are encrypted in place.
 */
public class SecretsAtRest {
    private static final Logger LOG = LogManager.getLogger(SecretsAtRest.class);
    /** A row of the settings table no module declares: listConfigurations never shows it. */
    static final String CHECK = "skyport.secret.key.check";
    private static final String CHECK_TEXT = "skyport secret key check";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public SecretsAtRest(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** @throws IllegalStateException when the configured key is not the one the secrets were stored with */
    public void verify() {
        List<String> check = jdbc.queryForList("SELECT setting_value FROM settings WHERE name = ? AND scope = 'GLOBAL' "
                + "AND scope_id = 0", String.class, CHECK);
        if (check.isEmpty()) {
            requireDecryptable(jdbc.queryForList("SELECT secret_key_enc FROM users WHERE secret_key_enc LIKE 'v1:%'",
                    String.class));
            try {
                jdbc.update("INSERT INTO settings (name, scope, scope_id, setting_value, updated) VALUES (?, 'GLOBAL', 0, "
                        + "?, ?)", CHECK, cipher.encrypt(CHECK_TEXT), Db.ts(Instant.now()));
            } catch (DuplicateKeyException e) {
                // another node of the cluster wrote it first: its key must be ours
                verify();
                return;
            }
        } else {
            requireDecryptable(check);
        }
        encryptPlaintext();
    }

    private void requireDecryptable(List<String> stored) {
        for (String s : stored) {
            try {
                cipher.decrypt(s);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("The configured secret key (skyport.secret.key or "
                        + "$SKYPORT_HOME/secret.key) is not the key this database's secrets were encrypted with. Start "
                        + "the server with the key it was first started with (every node of a cluster needs the same "
                        + "key).");
            }
            return;
        }
    }

    private void encryptPlaintext() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, secret_key_enc FROM users WHERE secret_key_enc "
                + "IS NOT NULL AND secret_key_enc NOT LIKE 'v1:%'");
        for (Map<String, Object> row : rows) {
            jdbc.update("UPDATE users SET secret_key_enc = ? WHERE id = ?",
                    cipher.encrypt((String) row.get("secret_key_enc")), row.get("id"));
        }
        if (!rows.isEmpty()) {
            LOG.info("encrypted {} secret key(s) found in plain text", rows.size());
        }
    }
}
