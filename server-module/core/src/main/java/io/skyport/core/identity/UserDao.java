package io.skyport.core.identity;

import io.skyport.core.db.Db;
import io.skyport.core.identity.Account.AccountState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

public class UserDao {
    static final String COLS = "u.id, u.uuid, u.account_id, u.username, u.password_hash, u.firstname, u.lastname, "
            + "u.email, u.timezone, u.state, u.api_key, u.secret_key_enc, u.is_default, u.created";
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static User map(ResultSet rs, int n) throws SQLException {
        return mapPrefixed(rs, "");
    }

    /** @param p prefix of the column labels, for joins that alias them ({@link PrincipalDao}) */
    static User mapPrefixed(ResultSet rs, String p) throws SQLException {
        return new User(rs.getLong(p + "id"), rs.getString(p + "uuid"), rs.getLong(p + "account_id"),
                rs.getString(p + "username"), rs.getString(p + "password_hash"), rs.getString(p + "firstname"),
                rs.getString(p + "lastname"), rs.getString(p + "email"), rs.getString(p + "timezone"),
                AccountState.valueOf(rs.getString(p + "state")), rs.getString(p + "api_key"),
                rs.getString(p + "secret_key_enc"), rs.getBoolean(p + "is_default"), Db.instant(rs, p + "created"));
    }

    public record NewUser(String uuid, long accountId, String username, String passwordHash, String firstname,
                          String lastname, String email, String timezone, boolean isDefault) {
    }

    public long insert(NewUser u) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO users (uuid, account_id, username, password_hash, firstname, "
                    + "lastname, email, timezone, state, is_default, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ENABLED', ?, ?)",
                    new String[] {"id"});
            ps.setString(1, u.uuid());
            ps.setLong(2, u.accountId());
            ps.setString(3, u.username());
            ps.setString(4, u.passwordHash());
            ps.setString(5, u.firstname());
            ps.setString(6, u.lastname());
            ps.setString(7, u.email());
            ps.setString(8, u.timezone());
            ps.setBoolean(9, u.isDefault());
            ps.setObject(10, Db.ts(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<User> findById(long id) {
        return one("u.id = ?", id);
    }

    public Optional<User> findByUuid(String uuid) {
        return one("u.uuid = ?", uuid);
    }

    public Optional<User> findByApiKey(String apiKey) {
        return one("u.api_key = ?", apiKey);
    }

    /** Usernames are unique within a domain. */
    public Optional<User> findByUsername(long domainId, String username) {
        return jdbc.query("SELECT " + COLS + " FROM users u JOIN accounts a ON a.id = u.account_id "
                        + "WHERE a.domain_id = ? AND u.username = ? AND u.removed IS NULL AND a.removed IS NULL",
                UserDao::map, domainId, username).stream().findFirst();
    }

    private Optional<User> one(String cond, Object arg) {
        return jdbc.query("SELECT " + COLS + " FROM users u WHERE " + cond + " AND u.removed IS NULL", UserDao::map, arg)
                .stream().findFirst();
    }

    public List<User> listByAccount(long accountId) {
        return jdbc.query("SELECT " + COLS + " FROM users u WHERE u.account_id = ? AND u.removed IS NULL ORDER BY u.id",
                UserDao::map, accountId);
    }

    /** Filter for user listings, scoped like accounts: a domain subtree and optionally one account. */
    public record Query(String domainPath, Long onlyAccountId, Long id, String username, String keyword, String state) {
    }

    private static String where(Query q, List<Object> args) {
        StringBuilder sql = new StringBuilder(" FROM users u JOIN accounts a ON a.id = u.account_id "
                + "JOIN domains d ON d.id = a.domain_id WHERE u.removed IS NULL AND a.removed IS NULL "
                + "AND (d.path = ? OR d.path LIKE ?)");
        args.add(q.domainPath());
        args.add(q.domainPath() + "/%");
        if (q.onlyAccountId() != null) {
            sql.append(" AND u.account_id = ?");
            args.add(q.onlyAccountId());
        }
        if (q.id() != null) {
            sql.append(" AND u.id = ?");
            args.add(q.id());
        }
        if (q.username() != null) {
            sql.append(" AND u.username = ?");
            args.add(q.username());
        }
        if (q.state() != null) {
            sql.append(" AND u.state = ?");
            args.add(q.state().toUpperCase());
        }
        if (q.keyword() != null) {
            sql.append(" AND u.username LIKE ?");
            args.add(Db.likeContains(q.keyword()));
        }
        return sql.toString();
    }

    public List<User> list(Query q, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLS + where(q, args) + " ORDER BY u.id LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, UserDao::map, args.toArray());
    }

    public long count(Query q) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*)" + where(q, args), Long.class, args.toArray());
    }

    public void setKeys(long id, String apiKey, String secretEncrypted) {
        jdbc.update("UPDATE users SET api_key = ?, secret_key_enc = ? WHERE id = ?", apiKey, secretEncrypted, id);
    }

    public record Update(String firstname, String lastname, String email, String timezone, String username,
                         String passwordHash) {
    }

    public void update(long id, Update u) {
        jdbc.update("UPDATE users SET firstname = COALESCE(?, firstname), lastname = COALESCE(?, lastname), "
                        + "email = COALESCE(?, email), timezone = COALESCE(?, timezone), username = COALESCE(?, username), "
                        + "password_hash = COALESCE(?, password_hash) WHERE id = ?",
                u.firstname(), u.lastname(), u.email(), u.timezone(), u.username(), u.passwordHash(), id);
    }

    public void setStateForAccount(long accountId, AccountState state) {
        jdbc.update("UPDATE users SET state = ? WHERE account_id = ? AND removed IS NULL", state.name(), accountId);
    }

    public void markRemovedForAccount(long accountId) {
        jdbc.update("UPDATE users SET removed = ?, api_key = NULL, secret_key_enc = NULL WHERE account_id = ?",
                Db.ts(Instant.now()), accountId);
    }
}
