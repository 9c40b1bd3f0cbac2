package io.skyport.gce.service;

import io.skyport.core.event.EventService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The descriptions clients give instances, disks and addresses, by the core resource's uuid. */
public class Descriptions {
    /** GCE's limit. */
    public static final int MAX_LENGTH = 2048;

    private final JdbcTemplate jdbc;

    public Descriptions(JdbcTemplate jdbc, EventService events) {
        this.jdbc = jdbc;
        // an instance's description goes with its expunge, whichever API asked
        events.onVmExpunged(this::forget);
    }

    /** Keeps a non-empty description (call inside the transaction that makes the resource). */
    public void set(String uuid, String description) {
        if (description == null || description.isEmpty()) {
            return;
        }
        if (jdbc.update("UPDATE gce_descriptions SET description = ? WHERE uuid = ?", description, uuid) == 0) {
            jdbc.update("INSERT INTO gce_descriptions (uuid, description) VALUES (?, ?)", uuid, description);
        }
    }

    public Map<String, String> of(Collection<String> uuids) {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(uuids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", chunk.stream().map(u -> "?").toList());
            jdbc.query("SELECT uuid, description FROM gce_descriptions WHERE uuid IN (" + marks + ")",
                    rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    }, chunk.toArray());
        }
        return out;
    }

    public void forget(String uuid) {
        jdbc.update("DELETE FROM gce_descriptions WHERE uuid = ?", uuid);
    }

    public static void check(String description) {
        if (description.length() > MAX_LENGTH) {
            throw io.skyport.gce.GceException.invalid("resource.description", description.substring(0, 20) + "…",
                    "At most " + MAX_LENGTH + " characters.");
        }
    }
}
