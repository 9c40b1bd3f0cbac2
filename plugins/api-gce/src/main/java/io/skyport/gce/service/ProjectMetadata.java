package io.skyport.gce.service;

import io.skyport.core.db.Rows;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A project's own metadata ({@code commonInstanceMetadata}, set with
 * projects.setCommonInstanceMetadata): items every instance of the project reads from the
 * metadata server under {@code project/attributes}, ssh-keys among them. Changes are guarded by
 * the fingerprint of the items they replace, as on GCE, so two clients that read the same
 * version cannot both replace it.
 */
public class ProjectMetadata {
    static final String STALE = "Supplied fingerprint does not match current metadata fingerprint.";

    private final JdbcTemplate jdbc;

    public ProjectMetadata(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's items, in the order they were given; none when it never had any. */
    public Map<String, String> items(long accountId) {
        return Rows.one(jdbc, "SELECT items FROM gce_project_metadata WHERE account_id = ?",
                (rs, n) -> InstanceMetadata.parseItems(rs.getString(1)), accountId).orElseGet(LinkedHashMap::new);
    }

    /** Refuses a change based on another version than the current one (HTTP 412 conditionNotMet). */
    public void checkFingerprint(long accountId, String fingerprint) {
        if (!InstanceMetadata.fingerprint(items(accountId)).equals(fingerprint)) {
            throw new GceException(GceError.CONDITION_NOT_MET, STALE);
        }
    }

    /**
     * Replaces the items if they are still the version {@code fingerprint} names. Runs in the
     * operation's job after {@link #checkFingerprint} passed: a change that landed in between
     * fails the operation with the same message.
     */
    public void replace(long accountId, String fingerprint, Map<String, String> items) {
        String json = InstanceMetadata.itemsJson(items);
        String next = InstanceMetadata.fingerprint(items);
        int updated = jdbc.update("UPDATE gce_project_metadata SET items = ?, fingerprint = ? WHERE account_id = ? "
                + "AND fingerprint = ?", json, next, accountId, fingerprint);
        if (updated == 1) {
            return;
        }
        boolean exists = Rows.one(jdbc, "SELECT 1 FROM gce_project_metadata WHERE account_id = ?", (rs, n) -> 1,
                accountId).isPresent();
        if (exists || !InstanceMetadata.fingerprint(Map.of()).equals(fingerprint)) {
            throw new ApiException(ApiError.PARAM_ERROR, STALE);
        }
        // the first version: two racing first writers meet on the primary key, and the loser is stale
        try {
            jdbc.update("INSERT INTO gce_project_metadata (account_id, items, fingerprint) VALUES (?, ?, ?)", accountId,
                    json, next);
        } catch (DuplicateKeyException raced) {
            throw new ApiException(ApiError.PARAM_ERROR, STALE);
        }
    }
}
