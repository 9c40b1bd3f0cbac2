package io.skyport.app.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A digest of every row of every table of the server's database, per table, so that a test can
 * show a request changed nothing (and name the table when it did). Rows are hashed in sorted
 * order: a table's digest does not depend on the order the database returns them in.
 */
final class DbDigest {
    private final DataSource ds;
    private final Set<String> excluded;
    private final Set<String> appendOnly;
    private final Map<String, String> rowFilters;
    private List<String> tables;

    /**
     * @param excluded   lower-case table names left out (each with its reason at the caller)
     * @param appendOnly lower-case table names where rows may be added but none may change or go:
     *                   their digest is the rows themselves, and {@link #changed} allows additions
     */
    DbDigest(DataSource ds, Set<String> excluded, Set<String> appendOnly) {
        this(ds, excluded, appendOnly, Map.of());
    }

    /**
     * @param rowFilters lower-case table name → SQL condition its digested rows must meet (the rows
     *                   left out are ones the caller expects to be written, as audit records)
     */
    DbDigest(DataSource ds, Set<String> excluded, Set<String> appendOnly, Map<String, String> rowFilters) {
        this.ds = ds;
        this.excluded = excluded;
        this.appendOnly = appendOnly;
        this.rowFilters = rowFilters;
    }

    /** Table name → hex digest of its rows (the rows, one a line, for an append-only table). */
    Map<String, String> take() {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            if (tables == null) {
                tables = tables(c);
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                String filter = rowFilters.get(bare(table));
                String query = "SELECT * FROM " + table + (filter == null ? "" : " WHERE " + filter);
                try (ResultSet rs = st.executeQuery(query)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            if (!RENEWED.contains(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT))) {
                                row.append(rs.getString(i)).append('\u0001');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                if (appendOnly.contains(bare(table))) {
                    out.put(table, APPEND_ONLY + String.join("\n", rows));
                    continue;
                }
                if (rows.size() <= SHOWN_ROWS) {
                    // small enough to keep whole, so that a change names the rows it touched
                    out.put(table, WHOLE + String.join("\n", rows));
                    continue;
                }
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String r : rows) {
                    md.update(r.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) '\n');
                }
                out.put(table, rows.size() + ":" + HexFormat.of().formatHex(md.digest()).substring(0, 16));
            }
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The tables whose digest differs between two snapshots (an append-only one: a row changed or went). */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (String t : after.keySet()) {
            String a = after.get(t);
            String b = before.get(t);
            if (a.equals(b)) {
                continue;
            }
            if (a.startsWith(APPEND_ONLY) && b != null) {
                Set<String> kept = new HashSet<>(List.of(a.substring(APPEND_ONLY.length()).split("\n", -1)));
                List<String> lost = new ArrayList<>();
                for (String row : b.substring(APPEND_ONLY.length()).split("\n", -1)) {
                    if (!row.isEmpty() && !kept.contains(row)) {
                        lost.add(row);
                    }
                }
                if (!lost.isEmpty()) {
                    out.add(t + " rows changed or removed: " + lost);
                }
                continue;
            }
            if (a.startsWith(WHOLE) && b != null && b.startsWith(WHOLE)) {
                List<String> was = new ArrayList<>(List.of(b.substring(WHOLE.length()).split("\n", -1)));
                List<String> now = new ArrayList<>(List.of(a.substring(WHOLE.length()).split("\n", -1)));
                List<String> gone = new ArrayList<>(was);
                gone.removeAll(now);
                now.removeAll(was);
                out.add(t + " rows " + gone + " -> " + now);
                continue;
            }
            out.add(t + " " + b + " -> " + a);
        }
        return out;
    }

    private static final String APPEND_ONLY = "append-only\n";
    /** Tables of at most this many rows are kept row by row (prefix {@link #WHOLE}), not hashed. */
    private static final int SHOWN_ROWS = 20;
    private static final String WHOLE = "rows\n";
    /**
     * Columns left out of every row: the leases a management node renews with its heartbeat (of
     * the hosts it owns and of its pending jobs) and the time of a host's last answered ping, which
     * change with time, not with requests.
     */
    private static final Set<String> RENEWED = Set.of("mgmt_lease_until", "lease_until", "last_ping");

    private static String bare(String table) {
        return table.substring(table.indexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).startsWith("flyway") || excluded.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                out.add(schema == null ? name : schema + "." + name);
            }
        }
        return out;
    }
}
