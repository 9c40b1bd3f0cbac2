package io.skyport.app.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a crash or a takeover must leave behind, read straight from the database (not through the
 * server that is being judged): no job pending, every failed job with a reason, no VM in a
 * transitional state, the simulated hosts' instances matching the VMs (none left over), and the
 * host reservations and account counters equal to a recount of the rows.
 */
final class ClusterConsistency {
    private final Supplier<Connection> db;

    ClusterConsistency(Supplier<Connection> db) {
        this.db = db;
    }

    /** Every violation found, as readable lines; empty when the database is consistent. */
    List<String> violations() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.get(); Statement st = c.createStatement()) {
            rows(st, "SELECT uuid, cmd, owner_node FROM async_job WHERE status = 0", 3)
                    .forEach(r -> out.add("job still pending: " + r));
            rows(st, "SELECT uuid, cmd, result FROM async_job WHERE status = 2 AND (result IS NULL OR result NOT LIKE "
                    + "'%errortext%')", 3).forEach(r -> out.add("job failed without a reason: " + r));
            rows(st, "SELECT uuid, state FROM vms WHERE removed IS NULL AND state IN ('Starting', 'Stopping', "
                    + "'Expunging', 'Migrating')", 2).forEach(r -> out.add("VM left in a transitional state: " + r));
            rows(st, "SELECT uuid, state FROM vms WHERE removed IS NULL AND state = 'Running' AND host_id IS NULL", 2)
                    .forEach(r -> out.add("VM Running on no host: " + r));
            // the simulator's instances are rows: its hosts are checked here, container hosts by their tests
            rows(st, "SELECT v.uuid, v.state, s.power_state FROM vms v JOIN hosts h ON h.id = v.host_id "
                    + "AND h.hypervisor = 'Simulator' LEFT JOIN simulator_instances s ON s.vm_uuid = v.uuid "
                    + "AND s.host_uuid = h.uuid WHERE v.removed IS NULL AND v.state = 'Running' "
                    + "AND (s.power_state IS NULL OR s.power_state <> 'RUNNING')", 3)
                    .forEach(r -> out.add("VM Running but not running on its host: " + r));
            rows(st, "SELECT v.uuid, v.state, s.host_uuid FROM vms v JOIN simulator_instances s ON s.vm_uuid = v.uuid "
                    + "WHERE v.removed IS NULL AND v.state <> 'Running' AND s.power_state = 'RUNNING'", 3)
                    .forEach(r -> out.add("VM not Running but running on a host: " + r));
            rows(st, "SELECT s.vm_uuid, s.host_uuid, s.power_state FROM simulator_instances s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM vms v WHERE v.uuid = s.vm_uuid AND v.removed IS NULL)", 3)
                    .forEach(r -> out.add("orphan instance on a host (its VM is gone): " + r));
            rows(st, "SELECT h.name, h.cpu_used, h.memory_used, (SELECT COALESCE(SUM(v.cpus * v.cpu_speed), 0) FROM vms v "
                    + "WHERE v.host_id = h.id AND v.removed IS NULL), (SELECT COALESCE(SUM(v.memory_mb), 0) * 1048576 "
                    + "FROM vms v WHERE v.host_id = h.id AND v.removed IS NULL) FROM hosts h WHERE h.removed IS NULL", 5)
                    .stream().filter(r -> !same(r.get(1), r.get(3)) || !same(r.get(2), r.get(4)))
                    .forEach(r -> out.add("host reservation differs from a recount [name, cpu, mem, cpu recount, "
                            + "mem recount]: " + r));
            Map<String, Long> counted = new HashMap<>();
            String live = "removed IS NULL AND state NOT IN ('Destroyed', 'Expunging', 'Error')";
            recount(st, counted, "user_vm", "SELECT account_id, COUNT(*) FROM vms WHERE " + live + " GROUP BY account_id");
            recount(st, counted, "cpu", "SELECT account_id, SUM(cpus) FROM vms WHERE " + live + " GROUP BY account_id");
            recount(st, counted, "memory", "SELECT account_id, SUM(memory_mb) FROM vms WHERE " + live
                    + " GROUP BY account_id");
            recount(st, counted, "vm_rows", "SELECT account_id, COUNT(*) FROM vms WHERE removed IS NULL "
                    + "GROUP BY account_id");
            recount(st, counted, "volume", "SELECT account_id, COUNT(*) FROM volumes WHERE removed IS NULL "
                    + "GROUP BY account_id");
            for (List<String> r : rows(st, "SELECT account_id, resource_type, amount FROM resource_counts WHERE "
                    + "resource_type IN ('user_vm', 'cpu', 'memory', 'vm_rows', 'volume')", 3)) {
                long expected = counted.getOrDefault(r.get(0) + "/" + r.get(1), 0L);
                if (expected != Long.parseLong(r.get(2))) {
                    out.add("account " + r.get(0) + " counter " + r.get(1) + " is " + r.get(2) + ", a recount gives "
                            + expected);
                }
            }
        }
        return out;
    }

    /** How many rows a query counts (for the tests' own progress checks). */
    long count(String sql) throws SQLException {
        try (Connection c = db.get(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean same(String a, String b) {
        return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
    }

    private static void recount(Statement st, Map<String, Long> into, String type, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getLong(1) + "/" + type, rs.getLong(2));
            }
        }
    }

    private static List<List<String>> rows(Statement st, String sql, int columns) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }
}
