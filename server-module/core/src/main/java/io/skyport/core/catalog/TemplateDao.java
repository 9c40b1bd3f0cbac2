package io.skyport.core.catalog;

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
public class TemplateDao {
    private final JdbcTemplate jdbc;

    public TemplateDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Template map(ResultSet rs, int n) throws SQLException {
        return new Template(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getString("display_text"),
                rs.getLong("account_id"), Db.nullableLong(rs, "zone_id"), rs.getLong("os_type_id"),
                rs.getString("format"), rs.getString("hypervisor"), rs.getString("url"), rs.getString("image"),
                rs.getBoolean("is_public"), rs.getBoolean("is_featured"), rs.getBoolean("password_enabled"),
                rs.getLong("size_bytes"), rs.getString("state"), Db.instant(rs, "created"));
    }

    /** Template fields set at registration. */
    public record NewTemplate(String uuid, String name, String displayText, long accountId, Long zoneId, long osTypeId,
                              String format, String hypervisor, String url, String image, boolean isPublic,
                              boolean featured, boolean passwordEnabled, long sizeBytes) {
    }

    public long insert(NewTemplate t) {
        return Rows.insert(jdbc, "INSERT INTO templates (uuid, name, display_text, account_id, zone_id, os_type_id, "
                        + "format, hypervisor, url, image, is_public, is_featured, password_enabled, size_bytes, state, "
                        + "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Ready', ?)",
                t.uuid(), t.name(), t.displayText(), t.accountId(), t.zoneId(), t.osTypeId(), t.format(),
                t.hypervisor(), t.url(), t.image(), t.isPublic(), t.featured(), t.passwordEnabled(), t.sizeBytes(),
                Instant.now());
    }

    public Optional<Template> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM templates WHERE id = ? AND removed IS NULL", TemplateDao::map, id);
    }

    public Optional<Template> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM templates WHERE uuid = ? AND removed IS NULL", TemplateDao::map, uuid);
    }

    /**
     * Templates a caller may use: public ones and its own account's. {@code filter} is
     * CloudStack's templatefilter: featured, self, selfexecutable, executable, community, all.
     */
    public List<Template> list(long accountId, boolean admin, String filter, Long id, String name, String keyword,
                               Long zoneId, String hypervisor) {
        String visibility = switch (filter) {
            case "featured" -> "is_featured = TRUE AND is_public = TRUE";
            case "self", "selfexecutable" -> "account_id = " + accountId;
            case "community" -> "is_public = TRUE AND is_featured = FALSE";
            case "all" -> admin ? "1 = 1" : "(is_public = TRUE OR account_id = " + accountId + ")";
            default -> "(is_public = TRUE OR account_id = " + accountId + ")";
        };
        Rows.Where w = new Rows.Where("SELECT * FROM templates WHERE removed IS NULL AND " + visibility)
                .and("id = ?", id).and("name = ?", name).and("(zone_id IS NULL OR zone_id = ?)", zoneId)
                .and("hypervisor = ?", hypervisor)
                .and("name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return jdbc.query(w.sql() + " ORDER BY id", TemplateDao::map, w.args());
    }

    public void remove(long id) {
        jdbc.update("UPDATE templates SET removed = ? WHERE id = ?", Db.ts(Instant.now()), id);
    }

}
