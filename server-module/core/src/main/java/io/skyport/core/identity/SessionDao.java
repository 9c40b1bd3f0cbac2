package io.skyport.core.identity;

import io.skyport.core.db.Db;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Login sessions live in the database so any management server node can answer. */
public class SessionDao {
    private final JdbcTemplate jdbc;

    public SessionDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String key, long userId, Instant expires) {
        jdbc.update("INSERT INTO user_sessions (session_key, user_id, created, expires) VALUES (?, ?, ?, ?)",
                key, userId, Db.ts(Instant.now()), Db.ts(expires));
    }

    /** The user of a live session. */
    public Optional<Long> userOf(String key, Instant now) {
        List<Long> ids = jdbc.queryForList("SELECT user_id FROM user_sessions WHERE session_key = ? AND expires > ?",
                Long.class, key, Db.ts(now));
        return ids.stream().findFirst();
    }

    public void extend(String key, Instant expires) {
        jdbc.update("UPDATE user_sessions SET expires = ? WHERE session_key = ?", Db.ts(expires), key);
    }

    public void delete(String key) {
        jdbc.update("DELETE FROM user_sessions WHERE session_key = ?", key);
    }

    public void deleteForUsersOfAccount(long accountId) {
        jdbc.update("DELETE FROM user_sessions WHERE user_id IN (SELECT id FROM users WHERE account_id = ?)", accountId);
    }

    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM user_sessions WHERE expires <= ?", Db.ts(now));
    }
}
