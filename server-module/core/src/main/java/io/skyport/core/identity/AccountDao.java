package io.skyport.core.identity;

import io.skyport.core.db.Db;
import io.skyport.core.identity.Account.AccountState;
import io.skyport.plugin.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

public class AccountDao {
    static final String COLS = "a.id, a.uuid, a.name, a.domain_id, a.role, a.state, a.is_default, a.created";
    private final JdbcTemplate jdbc;

    public AccountDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Account map(ResultSet rs, int n) throws SQLException {
        return mapPrefixed(rs, "");
    }

    /** @param p prefix of the column labels, for joins that alias them ({@link PrincipalDao}) */
    static Account mapPrefixed(ResultSet rs, String p) throws SQLException {
        return new Account(rs.getLong(p + "id"), rs.getString(p + "uuid"), rs.getString(p + "name"),
                rs.getLong(p + "domain_id"), Role.valueOf(rs.getString(p + "role")),
                AccountState.valueOf(rs.getString(p + "state")), rs.getBoolean(p + "is_default"),
                Db.instant(rs, p + "created"));
    }

    public long insert(String uuid, String name, long domainId, Role role, boolean isDefault) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO accounts (uuid, name, domain_id, role, state, is_default, created) "
                    + "VALUES (?, ?, ?, ?, 'ENABLED', ?, ?)", new String[] {"id"});
            ps.setString(1, uuid);
            ps.setString(2, name);
            ps.setLong(3, domainId);
            ps.setString(4, role.name());
            ps.setBoolean(5, isDefault);
            ps.setObject(6, Db.ts(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Account> findById(long id) {
        return jdbc.query("SELECT " + COLS + " FROM accounts a WHERE a.id = ? AND a.removed IS NULL", AccountDao::map, id)
                .stream().findFirst();
    }

    public Optional<Account> findByUuid(String uuid) {
        return jdbc.query("SELECT " + COLS + " FROM accounts a WHERE a.uuid = ? AND a.removed IS NULL", AccountDao::map, uuid)
                .stream().findFirst();
    }

    public Optional<Account> findByName(long domainId, String name) {
        return jdbc.query("SELECT " + COLS + " FROM accounts a WHERE a.domain_id = ? AND a.name = ? AND a.removed IS NULL",
                AccountDao::map, domainId, name).stream().findFirst();
    }

    /** Filter for account listings: the caller's visibility is a domain path, or one account. */
    public record Query(String domainPath, boolean recursive, Long onlyAccountId, String name, String keyword,
                        Long id, String state) {
    }

    private static String where(Query q, List<Object> args) {
        StringBuilder sql = new StringBuilder(" FROM accounts a JOIN domains d ON d.id = a.domain_id WHERE a.removed IS NULL");
        if (q.recursive()) {
            sql.append(" AND (d.path = ? OR d.path LIKE ?)");
            args.add(q.domainPath());
            args.add(q.domainPath() + "/%");
        } else {
            sql.append(" AND d.path = ?");
            args.add(q.domainPath());
        }
        if (q.onlyAccountId() != null) {
            sql.append(" AND a.id = ?");
            args.add(q.onlyAccountId());
        }
        if (q.id() != null) {
            sql.append(" AND a.id = ?");
            args.add(q.id());
        }
        if (q.name() != null) {
            sql.append(" AND a.name = ?");
            args.add(q.name());
        }
        if (q.state() != null) {
            sql.append(" AND a.state = ?");
            args.add(q.state().toUpperCase());
        }
        if (q.keyword() != null) {
            sql.append(" AND a.name LIKE ?");
            args.add(Db.likeContains(q.keyword()));
        }
        return sql.toString();
    }

    public List<Account> list(Query q, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLS + where(q, args) + " ORDER BY a.id LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, AccountDao::map, args.toArray());
    }

    public long count(Query q) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*)" + where(q, args), Long.class, args.toArray());
    }

    public void setState(long id, AccountState state) {
        jdbc.update("UPDATE accounts SET state = ? WHERE id = ?", state.name(), id);
    }

    public void markRemoved(long id) {
        jdbc.update("UPDATE accounts SET removed = ? WHERE id = ?", Db.ts(Instant.now()), id);
    }
}
