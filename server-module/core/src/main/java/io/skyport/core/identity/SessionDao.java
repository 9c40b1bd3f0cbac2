package io.skyport.core.identity;

import io.skyport.core.db.Db;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login sessions live in the database so any management server node can answer. A session key
 * is kept only as its SHA-256: a copy of the table (a backup, a replica) lets no one act as the
 * user. The key is 24 random bytes, so an unsalted hash is as good as a salted one.
 */
public class SessionDao {
    private final JdbcTemplate jdbc;

    public SessionDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String key, long userId, Instant expires) {
        jdbc.update("INSERT INTO user_sessions (session_key, user_id, created, expires) VALUES (?, ?, ?, ?)",
                hash(key), userId, Db.ts(Instant.now()), Db.ts(expires));
    }

    /** The user of a live session. */
    public Optional<Long> userOf(String key, Instant now) {
        List<Long> ids = jdbc.queryForList("SELECT user_id FROM user_sessions WHERE session_key = ? AND expires > ?",
                Long.class, hash(key), Db.ts(now));
        return ids.stream().findFirst();
    }

    public void extend(String key, Instant expires) {
        jdbc.update("UPDATE user_sessions SET expires = ? WHERE session_key = ?", Db.ts(expires), hash(key));
    }

    public void delete(String key) {
        jdbc.update("DELETE FROM user_sessions WHERE session_key = ?", hash(key));
    }

    public void deleteForUsersOfAccount(long accountId) {
        jdbc.update("DELETE FROM user_sessions WHERE user_id IN (SELECT id FROM users WHERE account_id = ?)", accountId);
    }

    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM user_sessions WHERE expires <= ?", Db.ts(now));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
