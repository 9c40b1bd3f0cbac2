package io.skyport.core.infra;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Zones: an advanced zone each, with its DNS and guest CIDR. */
@Repository
public class ZoneDao {
    private final JdbcTemplate jdbc;

    public ZoneDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Zone zone(ResultSet rs, int n) throws SQLException {
        return new Zone(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getString("description"),
                rs.getString("network_type"), rs.getBoolean("security_groups_enabled"),
                rs.getString("allocation_state"), rs.getString("dns1"), rs.getString("dns2"),
                rs.getString("internal_dns1"), rs.getString("internal_dns2"), rs.getString("guest_cidr"),
                rs.getString("network_domain"), Db.instant(rs, "created"));
    }

    public Optional<Zone> zone(long id) {
        return Rows.one(jdbc, "SELECT * FROM zones WHERE id = ? AND removed IS NULL", ZoneDao::zone, id);
    }

    public long insertZone(String uuid, String name, String description, boolean sgEnabled, String dns1, String dns2,
                           String internalDns1, String internalDns2, String guestCidr, String networkDomain) {
        return Rows.insert(jdbc, "INSERT INTO zones (uuid, name, description, network_type, security_groups_enabled, "
                        + "allocation_state, dns1, dns2, internal_dns1, internal_dns2, guest_cidr, network_domain, created) "
                        + "VALUES (?, ?, ?, 'Advanced', ?, 'Enabled', ?, ?, ?, ?, ?, ?, ?)",
                uuid, name, description, sgEnabled, dns1, dns2, internalDns1, internalDns2, guestCidr, networkDomain,
                Instant.now());
    }

    public Optional<Zone> zoneByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM zones WHERE uuid = ? AND removed IS NULL", ZoneDao::zone, uuid);
    }

    public Optional<Zone> zoneByName(String name) {
        return Rows.one(jdbc, "SELECT * FROM zones WHERE name = ? AND removed IS NULL", ZoneDao::zone, name);
    }

    public List<Zone> zones(Long id, String name, String keyword) {
        Rows.Where w = new Rows.Where("SELECT * FROM zones WHERE removed IS NULL")
                .and("id = ?", id).and("name = ?", name)
                .and("name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", ZoneDao::zone, w.args());
    }
}
