package io.skyport.core.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Small conversions shared by DAOs: every timestamp is stored as UTC without zone. */
public final class Db {
    private Db() {
    }

    /**
     * Row ids written into an {@code IN (…)} list as literals. They are numbers, never client text,
     * so nothing can be injected; and a list of constants lets the database test membership with a
     * hash set, where a list of hundreds of parameters is compared one by one for every row.
     */
    public static String idList(java.util.Collection<Long> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 6);
        for (long id : ids) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(id);
        }
        return sb.toString();
    }

    public static LocalDateTime ts(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Escapes LIKE wildcards so a keyword is matched literally. */
    public static String likeContains(String keyword) {
        return "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
