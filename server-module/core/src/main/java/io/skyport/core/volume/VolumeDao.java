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
                rs.getString("state"), Db.instant(rs, "created"));
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

    public List<Volume> ofVm(long vmId) {
        return jdbc.query("SELECT * FROM volumes WHERE vm_id = ? AND removed IS NULL ORDER BY device_id",
                VolumeDao::map, vmId);
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
