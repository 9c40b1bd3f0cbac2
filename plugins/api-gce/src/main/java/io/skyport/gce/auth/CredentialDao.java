package io.skyport.gce.auth;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Service-account public keys and issued access tokens (as hashes), in the server's database. */
public class CredentialDao {
    private final JdbcTemplate jdbc;

    public CredentialDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record PublicKey(String keyId, long userId, long accountId, String publicKey) {
    }

    public void insertKey(String keyId, long userId, long accountId, String publicKey) {
        jdbc.update("INSERT INTO gce_service_account_keys (key_id, user_id, account_id, public_key, created) "
                + "VALUES (?, ?, ?, ?, ?)", keyId, userId, accountId, publicKey, Db.ts(Instant.now()));
    }

    public Optional<PublicKey> key(String keyId) {
        return Rows.one(jdbc, "SELECT key_id, user_id, account_id, public_key FROM gce_service_account_keys "
                + "WHERE key_id = ?", (rs, n) -> new PublicKey(rs.getString(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4)), keyId);
    }

    /** The keys of one user, oldest first. */
    public List<PublicKey> keysOf(long userId) {
        return jdbc.query("SELECT key_id, user_id, account_id, public_key FROM gce_service_account_keys "
                + "WHERE user_id = ? ORDER BY created, key_id", (rs, n) -> new PublicKey(rs.getString(1),
                rs.getLong(2), rs.getLong(3), rs.getString(4)), userId);
    }

    public long keyCount(long userId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM gce_service_account_keys WHERE user_id = ?", Long.class,
                userId);
        return n == null ? 0 : n;
    }

    public void insertToken(String tokenHash, long userId, Instant expires) {
        jdbc.update("INSERT INTO gce_access_tokens (token_hash, user_id, expires) VALUES (?, ?, ?)", tokenHash, userId,
                Db.ts(expires));
    }

    /** The user an unexpired token was issued to. */
    public Optional<Long> tokenUser(String tokenHash, Instant now) {
        return Rows.one(jdbc, "SELECT user_id FROM gce_access_tokens WHERE token_hash = ? AND expires > ?",
                (rs, n) -> rs.getLong(1), tokenHash, Db.ts(now));
    }

    public int deleteExpiredTokens(Instant now) {
        return jdbc.update("DELETE FROM gce_access_tokens WHERE expires <= ?", Db.ts(now));
    }
}
