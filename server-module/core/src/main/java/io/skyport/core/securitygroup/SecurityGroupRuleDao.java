package io.skyport.core.securitygroup;

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
public class SecurityGroupRuleDao {
    private final JdbcTemplate jdbc;

    public SecurityGroupRuleDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Integer nullableInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static SecurityGroupRule map(ResultSet rs, int n) throws SQLException {
        return new SecurityGroupRule(rs.getLong("id"), rs.getString("uuid"), rs.getLong("group_id"),
                rs.getString("direction"), rs.getString("protocol"), nullableInt(rs, "start_port"),
                nullableInt(rs, "end_port"), nullableInt(rs, "icmp_type"), nullableInt(rs, "icmp_code"),
                rs.getString("cidr"), Db.nullableLong(rs, "source_group_id"));
    }

    public long insert(String uuid, long groupId, String direction, String protocol, Integer startPort,
                       Integer endPort, Integer icmpType, Integer icmpCode, String cidr, Long sourceGroupId) {
        return Rows.insert(jdbc, "INSERT INTO security_group_rules (uuid, group_id, direction, protocol, start_port, "
                        + "end_port, icmp_type, icmp_code, cidr, source_group_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)", uuid, groupId, direction, protocol, startPort, endPort, icmpType, icmpCode, cidr,
                sourceGroupId, Instant.now());
    }

    public List<SecurityGroupRule> ofGroup(long groupId) {
        return jdbc.query("SELECT * FROM security_group_rules WHERE group_id = ? ORDER BY id", SecurityGroupRuleDao::map,
                groupId);
    }

    public Optional<SecurityGroupRule> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM security_group_rules WHERE id = ?", SecurityGroupRuleDao::map, id);
    }

    public Optional<SecurityGroupRule> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM security_group_rules WHERE uuid = ?", SecurityGroupRuleDao::map, uuid);
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM security_group_rules WHERE id = ?", id);
    }

    public void deleteOfGroup(long groupId) {
        jdbc.update("DELETE FROM security_group_rules WHERE group_id = ?", groupId);
    }

    /** Whether other groups' rules name this group as their source. */
    public boolean referenced(long groupId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM security_group_rules WHERE source_group_id = ? "
                + "AND group_id <> ?", Long.class, groupId, groupId) > 0;
    }
}
