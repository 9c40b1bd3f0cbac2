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

/** Security groups and VM membership (rules live in their own table). */
@Repository
public class SecurityGroupDao {
    private final JdbcTemplate jdbc;

    public SecurityGroupDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static SecurityGroup map(ResultSet rs, int n) throws SQLException {
        return new SecurityGroup(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"),
                rs.getString("description"), rs.getLong("account_id"), rs.getLong("domain_id"),
                Db.instant(rs, "created"));
    }

    public long insert(String uuid, String name, String description, long accountId, long domainId) {
        return Rows.insert(jdbc, "INSERT INTO security_groups (uuid, name, description, account_id, domain_id, created) "
                + "VALUES (?, ?, ?, ?, ?, ?)", uuid, name, description, accountId, domainId, Instant.now());
    }

    public void updateDescription(long id, String description) {
        jdbc.update("UPDATE security_groups SET description = ? WHERE id = ?", description, id);
    }

    public Optional<SecurityGroup> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM security_groups WHERE id = ?", SecurityGroupDao::map, id);
    }

    public Optional<SecurityGroup> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM security_groups WHERE uuid = ?", SecurityGroupDao::map, uuid);
    }

    public Optional<SecurityGroup> findByName(long accountId, String name) {
        return Rows.one(jdbc, "SELECT * FROM security_groups WHERE account_id = ? AND name = ?", SecurityGroupDao::map,
                accountId, name);
    }

    public List<SecurityGroup> list(io.skyport.core.identity.Visibility v, Long id, String name, String keyword,
                                    Long vmId, int offset, int limit) {
        Rows.Where w = where(v, id, name, keyword, vmId, "SELECT g.*");
        return jdbc.query(w.sql() + " ORDER BY g.id LIMIT ? OFFSET ?", SecurityGroupDao::map, w.args(limit, offset));
    }

    public long count(io.skyport.core.identity.Visibility v, Long id, String name, String keyword, Long vmId) {
        Rows.Where w = where(v, id, name, keyword, vmId, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }

    private static Rows.Where where(io.skyport.core.identity.Visibility v, Long id, String name, String keyword,
                                    Long vmId, String select) {
        return new Rows.Where(select + " FROM security_groups g JOIN domains d ON d.id = g.domain_id WHERE 1 = 1")
                .andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%")
                .and("g.account_id = ?", v.onlyAccountId()).and("g.id = ?", id).and("g.name = ?", name)
                .and("g.name LIKE ?", keyword == null ? null : Db.likeContains(keyword))
                .and("g.id IN (SELECT group_id FROM vm_security_groups WHERE vm_id = ?)", vmId);
    }

    public List<String> memberUuids(long groupId) {
        return jdbc.queryForList("SELECT v.uuid FROM vms v JOIN vm_security_groups m ON m.vm_id = v.id "
                + "WHERE m.group_id = ? AND v.removed IS NULL ORDER BY v.id", String.class, groupId);
    }

    /** Locks the group's row until the surrounding transaction ends. */
    public void lockForUpdate(long id) {
        jdbc.queryForList("SELECT id FROM security_groups WHERE id = ? FOR UPDATE", Long.class, id);
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM security_groups WHERE id = ?", id);
    }

    public List<SecurityGroup> ofVm(long vmId) {
        return jdbc.query("SELECT g.* FROM security_groups g JOIN vm_security_groups m ON m.group_id = g.id "
                + "WHERE m.vm_id = ? ORDER BY g.id", SecurityGroupDao::map, vmId);
    }

    /** Groups of several VMs in one query: VM id to its groups. */
    public java.util.Map<Long, List<SecurityGroup>> ofVms(List<Long> vmIds) {
        java.util.Map<Long, List<SecurityGroup>> out = new java.util.HashMap<>();
        if (vmIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", vmIds.stream().map(i -> "?").toList());
        jdbc.query("SELECT m.vm_id AS member_vm_id, g.* FROM security_groups g JOIN vm_security_groups m "
                + "ON m.group_id = g.id WHERE m.vm_id IN (" + marks + ") ORDER BY g.id", rs -> {
                    out.computeIfAbsent(rs.getLong("member_vm_id"), k -> new java.util.ArrayList<>())
                            .add(map(rs, 0));
                }, vmIds.toArray());
        return out;
    }

    public void addMember(long vmId, long groupId) {
        jdbc.update("INSERT INTO vm_security_groups (vm_id, group_id) VALUES (?, ?)", vmId, groupId);
    }

    public void removeMember(long vmId, long groupId) {
        jdbc.update("DELETE FROM vm_security_groups WHERE vm_id = ? AND group_id = ?", vmId, groupId);
    }

    public void removeMembersOf(long vmId) {
        jdbc.update("DELETE FROM vm_security_groups WHERE vm_id = ?", vmId);
    }

    /** Members that still count: destroyed VMs (kept for a while before expunge) do not hold a group. */
    public long memberCount(long groupId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vm_security_groups m JOIN vms v ON v.id = m.vm_id "
                + "WHERE m.group_id = ? AND v.removed IS NULL AND v.state NOT IN ('Destroyed', 'Expunging')",
                Long.class, groupId);
    }

    /** Drops what memberships are left (of destroyed VMs) when the group goes. */
    public void removeAllMembers(long groupId) {
        jdbc.update("DELETE FROM vm_security_groups WHERE group_id = ?", groupId);
    }
}
