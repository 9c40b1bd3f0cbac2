package io.skyport.core.network;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class NetworkDao {
    private final JdbcTemplate jdbc;

    public NetworkDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Network map(ResultSet rs, int n) throws SQLException {
        return new Network(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getString("display_text"),
                rs.getLong("zone_id"), Db.nullableLong(rs, "account_id"), rs.getString("cidr"), rs.getString("gateway"),
                rs.getString("network_type"), rs.getString("traffic_type"), rs.getString("state"),
                rs.getBoolean("is_default"), Db.instant(rs, "created"));
    }

    public long insert(String uuid, String name, String displayText, long zoneId, Long accountId, String cidr,
                       String gateway, String networkType, boolean isDefault) {
        return Rows.insert(jdbc, "INSERT INTO networks (uuid, name, display_text, zone_id, account_id, cidr, gateway, "
                        + "network_type, traffic_type, state, is_default, created) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Guest', 'Implemented', ?, ?)",
                uuid, name, displayText, zoneId, accountId, cidr, gateway, networkType, isDefault, Instant.now());
    }

    public Optional<Network> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM networks WHERE id = ? AND removed IS NULL", NetworkDao::map, id);
    }

    public Optional<Network> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM networks WHERE uuid = ? AND removed IS NULL", NetworkDao::map, uuid);
    }

    public Optional<Network> defaultForZone(long zoneId) {
        return Rows.one(jdbc, "SELECT * FROM networks WHERE zone_id = ? AND is_default = TRUE AND removed IS NULL "
                + "ORDER BY id", NetworkDao::map, zoneId);
    }

    /** Shared networks and the caller's own ({@code accountId} null: every network, for admins). */
    public List<Network> list(Long accountId, Long id, Long zoneId, String keyword) {
        Rows.Where w = new Rows.Where("SELECT * FROM networks WHERE removed IS NULL")
                .and("(account_id IS NULL OR account_id = ?)", accountId).and("id = ?", id).and("zone_id = ?", zoneId)
                .and("name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", NetworkDao::map, w.args());
    }

    /**
     * Advances the network's address cursor and returns the new value. The update locks the
     * network row until the caller's transaction ends, so allocations in one network are
     * serialised on every database and isolation level.
     */
    public long advanceCursor(long networkId, long before) {
        jdbc.update("UPDATE networks SET last_ip = COALESCE(last_ip, ?) + 1 WHERE id = ?", before, networkId);
        return jdbc.queryForObject("SELECT last_ip FROM networks WHERE id = ?", Long.class, networkId);
    }

    public void setCursor(long networkId, long value) {
        jdbc.update("UPDATE networks SET last_ip = ? WHERE id = ?", value, networkId);
    }

}
