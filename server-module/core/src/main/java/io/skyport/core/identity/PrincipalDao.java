package io.skyport.core.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user with its account and domain in one query. Authentication resolves a principal on every
 * signed or session request; one round trip instead of three matters most against a database
 * across the network. The conditions are those of the three single-table look-ups it replaces.
 */
public class PrincipalDao {
    private static final String SELECT = "SELECT " + aliased("u", UserDao.COLS) + ", "
            + aliased("a", AccountDao.COLS) + ", " + aliased("d", DomainDao.COLS)
            + " FROM users u JOIN accounts a ON a.id = u.account_id JOIN domains d ON d.id = a.domain_id"
            + " WHERE u.removed IS NULL AND a.removed IS NULL AND d.removed IS NULL AND ";
    private final JdbcTemplate jdbc;

    public PrincipalDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** API keys are unique (uq_users_api_key), so there is at most one row. */
    public Optional<IdentityService.Principal> findByApiKey(String apiKey) {
        return one("u.api_key = ?", apiKey);
    }

    public Optional<IdentityService.Principal> findByUserId(long userId) {
        return one("u.id = ?", userId);
    }

    private Optional<IdentityService.Principal> one(String cond, Object arg) {
        return jdbc.query(SELECT + cond, PrincipalDao::map, arg).stream().findFirst();
    }

    private static IdentityService.Principal map(ResultSet rs, int n) throws SQLException {
        return new IdentityService.Principal(UserDao.mapPrefixed(rs, "u_"), AccountDao.mapPrefixed(rs, "a_"),
                DomainDao.mapPrefixed(rs, "d_"));
    }

    /**
     * {@code "u.id, u.uuid"} (or {@code "id, uuid"}) as {@code "u.id AS u_id, u.uuid AS u_uuid"}:
     * the three tables share column names, so each gets its own label prefix.
     */
    static String aliased(String table, String cols) {
        return Arrays.stream(cols.split(","))
                .map(String::trim)
                .map(c -> c.substring(c.indexOf('.') + 1))
                .map(c -> table + "." + c + " AS " + table + "_" + c)
                .collect(Collectors.joining(", "));
    }
}
