package io.skyport.core.volume;

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
public class VolumeDao {
    private final JdbcTemplate jdbc;

    public VolumeDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Volume map(ResultSet rs, int n) throws SQLException {
        int dev = rs.getInt("device_id");
        Integer device = rs.wasNull() ? null : dev;
        return new Volume(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("account_id"),
                rs.getLong("domain_id"), rs.getLong("zone_id"), Db.nullableLong(rs, "vm_id"), device,
                Db.nullableLong(rs, "disk_offering_id"), rs.getString("volume_type"), rs.getLong("size_bytes"),
                rs.getString("state"), Db.instant(rs, "created"), Db.nullableLong(rs, "host_id"));
    }

    public long insert(String uuid, String name, long accountId, long domainId, long zoneId, Long vmId,
                       Integer deviceId, Long diskOfferingId, String type, long sizeBytes, String state) {
        return Rows.insert(jdbc, "INSERT INTO volumes (uuid, name, account_id, domain_id, zone_id, vm_id, device_id, "
                        + "disk_offering_id, volume_type, size_bytes, state, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?)", uuid, name, accountId, domainId, zoneId, vmId, deviceId, diskOfferingId, type,
                sizeBytes, state, Instant.now());
    }

    public Optional<Volume> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM volumes WHERE id = ? AND removed IS NULL", VolumeDao::map, id);
    }

    /** The attached volumes of many VMs in one query, in device order. */
    public List<Volume> ofVms(List<Long> vmIds) {
        if (vmIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM volumes WHERE vm_id IN (" + io.skyport.core.db.Db.idList(vmIds)
                + ") AND removed IS NULL ORDER BY vm_id, device_id", VolumeDao::map);
    }

    public List<Volume> ofVm(long vmId) {
        return jdbc.query("SELECT * FROM volumes WHERE vm_id = ? AND removed IS NULL ORDER BY device_id",
                VolumeDao::map, vmId);
    }

    public Optional<Volume> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM volumes WHERE uuid = ? AND removed IS NULL", VolumeDao::map, uuid);
    }

    /** Attaches only if still detached (a concurrent attach loses). */
    public boolean attach(long id, long vmId, int deviceId) {
        return jdbc.update("UPDATE volumes SET vm_id = ?, device_id = ? WHERE id = ? AND vm_id IS NULL AND removed IS NULL",
                vmId, deviceId, id) == 1;
    }

    /** Detaches only if still attached, so a concurrent detach or delete sees one winner. */
    public boolean detach(long id) {
        return jdbc.update("UPDATE volumes SET vm_id = NULL, device_id = NULL WHERE id = ? AND vm_id IS NOT NULL "
                + "AND removed IS NULL", id) == 1;
    }

    /** An account's volumes whose content is kept on a host. */
    public List<Volume> placedOf(long accountId) {
        return jdbc.query("SELECT * FROM volumes WHERE account_id = ? AND host_id IS NOT NULL AND removed IS NULL",
                VolumeDao::map, accountId);
    }

    /** Records the host holding the volume's content, the first time one does. */
    public void placeOnHost(long id, long hostId) {
        jdbc.update("UPDATE volumes SET host_id = ? WHERE id = ? AND host_id IS NULL", hostId, id);
    }

    public void resize(long id, long sizeBytes, Long diskOfferingId) {
        jdbc.update("UPDATE volumes SET size_bytes = ?, disk_offering_id = COALESCE(?, disk_offering_id) WHERE id = ?",
                sizeBytes, diskOfferingId, id);
    }

    /** Filter of listVolumes; every field optional. */
    public record Query(io.skyport.core.identity.Visibility visibility, Long id, Long vmId, String type, Long zoneId,
                        String name, String keyword) {
    }

    private static Rows.Where where(Query q, String select) {
        io.skyport.core.identity.Visibility v = q.visibility();
        Rows.Where w = new Rows.Where(select + " FROM volumes o JOIN domains d ON d.id = o.domain_id "
                + "WHERE o.removed IS NULL")
                .andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%")
                .and("o.account_id = ?", v.onlyAccountId()).and("o.id = ?", q.id()).and("o.vm_id = ?", q.vmId())
                .and("o.volume_type = ?", q.type() == null ? null : q.type().toUpperCase(java.util.Locale.ROOT))
                .and("o.zone_id = ?", q.zoneId()).and("o.name = ?", q.name())
                .and("o.name LIKE ?", q.keyword() == null ? null : Db.likeContains(q.keyword()));
        return w;
    }

    public List<Volume> list(Query q, int offset, int limit) {
        Rows.Where w = where(q, "SELECT o.*");
        return jdbc.query(w.sql() + " ORDER BY o.id LIMIT ? OFFSET ?", VolumeDao::map, w.args(limit, offset));
    }

    public long count(Query q) {
        Rows.Where w = where(q, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }

    /** Removes a data volume only while it is detached: an attach that won the race keeps it. */
    public boolean removeDetached(long id) {
        return jdbc.update("UPDATE volumes SET removed = ?, state = 'Expunged' WHERE id = ? AND vm_id IS NULL "
                + "AND removed IS NULL", Db.ts(Instant.now()), id) == 1;
    }

    public void markRemoved(long id) {
        jdbc.update("UPDATE volumes SET removed = ?, state = 'Expunged', vm_id = NULL WHERE id = ?",
                Db.ts(Instant.now()), id);
    }

    /** Detaches data volumes from an expunged VM so they survive it, as CloudStack does. */
    public void detachDataVolumesOf(long vmId) {
        jdbc.update("UPDATE volumes SET vm_id = NULL, device_id = NULL WHERE vm_id = ? AND volume_type = 'DATADISK'",
                vmId);
    }
}
