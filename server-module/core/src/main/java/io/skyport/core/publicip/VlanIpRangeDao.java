package io.skyport.core.publicip;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads public IP ranges (they are created through {@link PublicIpDao#insertRange}). */
@Repository
public class VlanIpRangeDao {
    private final JdbcTemplate jdbc;

    public VlanIpRangeDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static VlanIpRange map(ResultSet rs, int n) throws SQLException {
        return new VlanIpRange(rs.getLong("id"), rs.getString("uuid"), rs.getLong("zone_id"), rs.getString("vlan"),
                rs.getString("gateway"), rs.getString("netmask"), rs.getString("start_ip"), rs.getString("end_ip"),
                Db.instant(rs, "created"));
    }

    public Optional<VlanIpRange> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM vlan_ip_ranges WHERE id = ?", VlanIpRangeDao::map, id);
    }

    public Optional<VlanIpRange> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM vlan_ip_ranges WHERE uuid = ?", VlanIpRangeDao::map, uuid);
    }

    public List<VlanIpRange> list(Long id, Long zoneId, String vlan) {
        Rows.Where w = new Rows.Where("SELECT * FROM vlan_ip_ranges WHERE 1 = 1").and("id = ?", id)
                .and("zone_id = ?", zoneId).and("vlan = ?", vlan);
        return jdbc.query(w.sql() + " ORDER BY id", VlanIpRangeDao::map, w.args());
    }

    /** Addresses of a range that are allocated to an account. */
    public long allocatedCount(long rangeId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM public_ips WHERE range_id = ? AND account_id IS NOT NULL",
                Long.class, rangeId);
        return n == null ? 0 : n;
    }
}
