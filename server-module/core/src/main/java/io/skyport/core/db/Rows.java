package io.skyport.core.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Small helpers shared by DAOs: insert returning the generated id, single-row lookups, and a
 * WHERE-clause builder that keeps SQL and its arguments in step.
 */
public final class Rows {
    private Rows() {
    }

    /** Runs an INSERT with positional arguments and returns the generated id. */
    public static long insert(JdbcTemplate jdbc, String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                ps.setObject(i + 1, a instanceof Instant t ? Db.ts(t) : a);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public static <T> Optional<T> one(JdbcTemplate jdbc, String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = jdbc.query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Accumulates AND conditions with their arguments. */
    public static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> args = new ArrayList<>();

        public Where(String base) {
            sql.append(base);
        }

        /** Adds {@code AND cond} with its arguments unless {@code value} is null. */
        public Where and(String cond, Object value) {
            if (value != null) {
                sql.append(" AND ").append(cond);
                args.add(value);
            }
            return this;
        }

        public Where andAlways(String cond, Object... values) {
            sql.append(" AND ").append(cond);
            args.addAll(List.of(values));
            return this;
        }

        public String sql() {
            return sql.toString();
        }

        public Object[] args(Object... tail) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(List.of(tail));
            return all.toArray();
        }
    }
}
